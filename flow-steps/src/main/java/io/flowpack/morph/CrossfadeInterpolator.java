package io.flowpack.morph;

/** The baseline: each in-between frame is the weighted average of the two keyframes. */
public final class CrossfadeInterpolator implements Interpolator {

    @Override
    public String name() {
        return "crossfade";
    }

    @Override
    public Transition between(RgbFrame a, RgbFrame b) {
        return weight -> blend(a.pixels(), b.pixels(), weight);
    }

    /** Per channel {@code (1 − w)·a + w·b}, rounded. */
    public static int[] blend(int[] a, int[] b, double weight) {
        int w = (int) Math.round(weight * 256);
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            int p = a[i];
            int q = b[i];
            int r = (((p >> 16) & 0xff) * (256 - w) + ((q >> 16) & 0xff) * w + 128) >> 8;
            int g = (((p >> 8) & 0xff) * (256 - w) + ((q >> 8) & 0xff) * w + 128) >> 8;
            int bl = ((p & 0xff) * (256 - w) + (q & 0xff) * w + 128) >> 8;
            out[i] = (r << 16) | (g << 8) | bl;
        }
        return out;
    }
}
