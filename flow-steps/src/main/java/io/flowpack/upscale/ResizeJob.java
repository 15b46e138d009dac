package io.flowpack.upscale;

import java.util.Arrays;

/**
 * One resize, run band by band. A band streams through the source: each source row it needs is filtered
 * horizontally once into a small ring of fixed-point rows (one int array per channel), and each output row is
 * the weighted sum of a few ring rows, then rounded, clamped and packed: element-wise int loops that the JIT
 * turns into SIMD. Bands share nothing but the read-only source and taps, and a band computes every pixel
 * the same way, so the result does not depend on how the rows are split.
 */
final class ResizeJob {
    /** Vertical sums carry both weight scales and the horizontal pass's fixed-point scale. */
    private static final int OUT_SHIFT = Contributors.WEIGHT_BITS + HorizontalPass.OPAQUE_FRACTION_BITS;
    private static final float ALPHA_UNIT = 255f * HorizontalPass.ALPHA_SCALE * (1 << Contributors.WEIGHT_BITS);

    private final int[] in;
    private final int srcWidth;
    private final int[] out;
    private final int width;
    private final boolean alpha;
    private final Contributors xs;
    private final Contributors ys;

    ResizeJob(int[] in, int srcWidth, int srcHeight, int[] out, int width, int height, boolean alpha) {
        this.in = in;
        this.srcWidth = srcWidth;
        this.out = out;
        this.width = width;
        this.alpha = alpha;
        this.xs = Contributors.of(srcWidth, width);
        this.ys = Contributors.of(srcHeight, height);
    }

    /** Computes output rows {@code [y0, y1)}. */
    void band(int y0, int y1) {
        int channels = alpha ? 4 : 3;
        HorizontalPass horizontal = HorizontalPass.create(in, srcWidth, xs, width, alpha);
        int ringSize = ys.stride;
        int[][][] ring = new int[ringSize][channels][width];
        int[] ringRow = new int[ringSize];
        Arrays.fill(ringRow, -1);
        int[][] acc = new int[channels][width];
        int[][] taps = new int[ringSize][];
        for (int y = y0; y < y1; y++) {
            int first = ys.start[y];
            int n = ys.count[y];
            for (int k = 0; k < n; k++) {
                int row = first + k;
                int slot = row % ringSize;
                if (ringRow[slot] != row) {
                    horizontal.filter(row, ring[slot]);
                    ringRow[slot] = row;
                }
            }
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < n; k++) {
                    taps[k] = ring[(first + k) % ringSize][c];
                }
                vertical(taps, n, y * ys.stride, acc[c]);
            }
            if (alpha) {
                packArgb(acc, y * width);
            } else {
                packRgb(acc, y * width);
            }
        }
    }

    /** {@code acc = Σ weight_k · taps[k]}, element by element. */
    private void vertical(int[][] taps, int n, int w, int[] acc) {
        int[] weights = ys.weights;
        int w0 = weights[w];
        int[] t0 = taps[0];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = w0 * t0[i];
        }
        for (int k = 1; k < n; k++) {
            int wk = weights[w + k];
            int[] tk = taps[k];
            for (int i = 0; i < acc.length; i++) {
                acc[i] += wk * tk[i];
            }
        }
    }

    private void packRgb(int[][] acc, int offset) {
        int[] red = toLevels(acc[0]);
        int[] green = toLevels(acc[1]);
        int[] blue = toLevels(acc[2]);
        for (int x = 0; x < width; x++) {
            out[offset + x] = 0xff000000 | (red[x] << 16) | (green[x] << 8) | blue[x];
        }
    }

    /** Rounds the fixed-point sums to 0..255 in place, branch-free so that the loop vectorises. */
    private static int[] toLevels(int[] acc) {
        int half = 1 << (OUT_SHIFT - 1);
        for (int i = 0; i < acc.length; i++) {
            int v = (acc[i] + half) >> OUT_SHIFT;
            v &= ~(v >> 31);
            acc[i] = (v | ((255 - v) >> 31)) & 0xff;
        }
        return acc;
    }

    /** Divides the premultiplied colours by alpha; a pixel whose alpha rounds to 0 becomes transparent black. */
    private void packArgb(int[][] acc, int offset) {
        int[] red = acc[0];
        int[] green = acc[1];
        int[] blue = acc[2];
        int[] alphas = acc[3];
        for (int x = 0; x < width; x++) {
            int q = alphas[x];
            int a = clamp(q / ALPHA_UNIT);
            if (a == 0) {
                out[offset + x] = 0;
                continue;
            }
            float unpremultiply = 255f / q;
            int r = clamp(red[x] * unpremultiply);
            int g = clamp(green[x] * unpremultiply);
            int b = clamp(blue[x] * unpremultiply);
            out[offset + x] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }

    private static int clamp(float v) {
        return Math.min(255, Math.max(0, GatherPass.round(v)));
    }
}
