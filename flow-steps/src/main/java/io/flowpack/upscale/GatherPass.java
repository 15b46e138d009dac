package io.flowpack.upscale;

/**
 * The horizontal pass for any ratio: per output pixel, a weighted sum of its source taps. Gathers do not
 * vectorise, so this is scalar float work (faster here than int) on an interleaved row, rounded to
 * fixed point at the end.
 */
final class GatherPass implements HorizontalPass {
    /** Adding 1.5·2²³ leaves a float's rounded integer part in its low mantissa bits. */
    private static final float ROUNDING_MAGIC = 12582912f;
    private static final int MAGIC_BITS = 0x4B400000;

    private final int[] in;
    private final int srcWidth;
    private final Contributors xs;
    private final int width;
    private final boolean alpha;
    /** The weights as floats, times the fixed-point scale of the result. */
    private final float[] weights;
    private final float[] line;

    GatherPass(int[] in, int srcWidth, Contributors xs, int width, boolean alpha) {
        this.in = in;
        this.srcWidth = srcWidth;
        this.xs = xs;
        this.width = width;
        this.alpha = alpha;
        this.weights = new float[xs.weights.length];
        float scale = (alpha ? ALPHA_SCALE : OPAQUE_SCALE) / (1 << Contributors.WEIGHT_BITS);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = xs.weights[i] * scale;
        }
        this.line = new float[srcWidth * (alpha ? 4 : 3)];
    }

    @Override
    public void filter(int row, int[][] dst) {
        if (alpha) {
            unpackPremultiplied(row);
            filter4(dst[0], dst[1], dst[2], dst[3]);
        } else {
            unpack(row);
            filter3(dst[0], dst[1], dst[2]);
        }
    }

    private void unpack(int row) {
        int offset = row * srcWidth;
        for (int x = 0, j = 0; x < srcWidth; x++, j += 3) {
            int p = in[offset + x];
            line[j] = (p >> 16) & 0xff;
            line[j + 1] = (p >> 8) & 0xff;
            line[j + 2] = p & 0xff;
        }
    }

    private void unpackPremultiplied(int row) {
        int offset = row * srcWidth;
        for (int x = 0, j = 0; x < srcWidth; x++, j += 4) {
            int p = in[offset + x];
            int a = p >>> 24;
            line[j] = ((p >> 16) & 0xff) * a;
            line[j + 1] = ((p >> 8) & 0xff) * a;
            line[j + 2] = (p & 0xff) * a;
            line[j + 3] = a * 255;
        }
    }

    private void filter3(int[] red, int[] green, int[] blue) {
        int[] start = xs.start;
        int[] count = xs.count;
        int stride = xs.stride;
        for (int x = 0; x < width; x++) {
            int s = start[x] * 3;
            int n = count[x];
            int w = x * stride;
            float r = 0;
            float g = 0;
            float b = 0;
            for (int k = 0; k < n; k++, s += 3) {
                float wk = weights[w + k];
                r += wk * line[s];
                g += wk * line[s + 1];
                b += wk * line[s + 2];
            }
            red[x] = round(r);
            green[x] = round(g);
            blue[x] = round(b);
        }
    }

    private void filter4(int[] red, int[] green, int[] blue, int[] alphas) {
        int[] start = xs.start;
        int[] count = xs.count;
        int stride = xs.stride;
        for (int x = 0; x < width; x++) {
            int s = start[x] * 4;
            int n = count[x];
            int w = x * stride;
            float r = 0;
            float g = 0;
            float b = 0;
            float a = 0;
            for (int k = 0; k < n; k++, s += 4) {
                float wk = weights[w + k];
                r += wk * line[s];
                g += wk * line[s + 1];
                b += wk * line[s + 2];
                a += wk * line[s + 3];
            }
            red[x] = round(r);
            green[x] = round(g);
            blue[x] = round(b);
            alphas[x] = round(a);
        }
    }

    /** Nearest integer of a float below 2²², without the slow path of an {@code (int)} cast. */
    static int round(float v) {
        return Float.floatToRawIntBits(v + ROUNDING_MAGIC) - MAGIC_BITS;
    }
}
