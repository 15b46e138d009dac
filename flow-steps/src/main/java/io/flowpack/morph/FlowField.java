package io.flowpack.morph;

/** Bilinear reads of interleaved two-channel flow fields and of packed RGB frames, clamped at the border. */
final class FlowField {

    private FlowField() {
    }

    /** Channel {@code c} (0 = x, 1 = y) of an interleaved flow at a sub-pixel position. */
    static float sample(float[] flow, int width, int height, float x, float y, int c) {
        x = Math.max(0, Math.min(width - 1, x));
        y = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float ax = x - x0;
        float ay = y - y0;
        float top = flow[2 * (y0 * width + x0) + c] * (1 - ax) + flow[2 * (y0 * width + x1) + c] * ax;
        float bottom = flow[2 * (y1 * width + x0) + c] * (1 - ax) + flow[2 * (y1 * width + x1) + c] * ax;
        return top * (1 - ay) + bottom * ay;
    }

    /** Adds {@code weight ×} the bilinearly sampled RGB of {@code rgb} at (x, y) to {@code sum[0..2]}. */
    static void addRgb(int[] rgb, int width, int height, float x, float y, float weight, float[] sum) {
        x = Math.max(0, Math.min(width - 1, x));
        y = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        float ax = x - x0;
        float ay = y - y0;
        float w00 = (1 - ax) * (1 - ay) * weight;
        float w10 = ax * (1 - ay) * weight;
        float w01 = (1 - ax) * ay * weight;
        float w11 = ax * ay * weight;
        int p00 = rgb[y0 * width + x0];
        int p10 = rgb[y0 * width + x1];
        int p01 = rgb[y1 * width + x0];
        int p11 = rgb[y1 * width + x1];
        sum[0] += ((p00 >> 16) & 0xff) * w00 + ((p10 >> 16) & 0xff) * w10 + ((p01 >> 16) & 0xff) * w01
                + ((p11 >> 16) & 0xff) * w11;
        sum[1] += ((p00 >> 8) & 0xff) * w00 + ((p10 >> 8) & 0xff) * w10 + ((p01 >> 8) & 0xff) * w01
                + ((p11 >> 8) & 0xff) * w11;
        sum[2] += (p00 & 0xff) * w00 + (p10 & 0xff) * w10 + (p01 & 0xff) * w01 + (p11 & 0xff) * w11;
    }
}
