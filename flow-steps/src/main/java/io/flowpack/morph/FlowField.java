package io.flowpack.morph;

/** Bilinear reads of interleaved two-channel flow fields, clamped at the border. */
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
}
