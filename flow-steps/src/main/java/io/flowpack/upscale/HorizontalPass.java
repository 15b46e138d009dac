package io.flowpack.upscale;

/**
 * Filters one source row horizontally into fixed-point channel rows, the input of the vertical pass.
 * Results are scaled by {@link #OPAQUE_SCALE} for an opaque source (channels 0..255) and by
 * {@link #ALPHA_SCALE} for a premultiplied one (colours {@code c·a} and alpha {@code a·255}, 0..65025).
 * One instance per band: it keeps its scratch rows.
 */
interface HorizontalPass {
    /** 7 fraction bits keep the rounding of the intermediate far below one level. */
    int OPAQUE_FRACTION_BITS = 7;
    int OPAQUE_SHIFT = Contributors.WEIGHT_BITS - OPAQUE_FRACTION_BITS;
    float OPAQUE_SCALE = 1 << OPAQUE_FRACTION_BITS;
    /** Halving keeps premultiplied sums (up to 65025 · 1.29²) inside an int after the vertical weights. */
    int ALPHA_SHIFT = Contributors.WEIGHT_BITS + 1;
    float ALPHA_SCALE = 0.5f;

    /** Filters source row {@code row} into {@code dst[channel][x]}: R, G, B and, with alpha, A. */
    void filter(int row, int[][] dst);

    /** The vectorisable pass for whole-number factors (2×, 3×, …), else the general one. */
    static HorizontalPass create(int[] in, int srcWidth, Contributors xs, int width, boolean alpha) {
        if (width % srcWidth == 0) {
            return new WholeFactorPass(in, srcWidth, xs, width / srcWidth, alpha);
        }
        return new GatherPass(in, srcWidth, xs, width, alpha);
    }

}
