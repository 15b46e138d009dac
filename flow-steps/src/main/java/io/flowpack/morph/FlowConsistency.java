package io.flowpack.morph;

/**
 * The forward-backward check (Sundaram, Brox and Keutzer 2010): a pixel's flow is trusted when following it and
 * then the reverse flow comes back to the pixel, up to a tolerance that grows with the motion. Pixels that fail are
 * hidden in the other frame (or their flow is wrong) and must not be warped over the pixels that are visible.
 * A pixel whose flow leaves the picture is trusted: only this frame can show it.
 */
final class FlowConsistency {
    private static final float RELATIVE = 0.02f;
    private static final float ABSOLUTE = 1.0f;

    private FlowConsistency() {
    }

    /** {@code true} per pixel of the {@code forward} flow's frame where the check passes. */
    static boolean[] check(float[] forward, float[] backward, int width, int height) {
        boolean[] valid = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                float fx = forward[2 * p];
                float fy = forward[2 * p + 1];
                float tx = x + fx;
                float ty = y + fy;
                if (tx < 0 || ty < 0 || tx > width - 1 || ty > height - 1) {
                    valid[p] = true;
                    continue;
                }
                float bx = FlowField.sample(backward, width, height, tx, ty, 0);
                float by = FlowField.sample(backward, width, height, tx, ty, 1);
                float dx = fx + bx;
                float dy = fy + by;
                valid[p] = dx * dx + dy * dy <= RELATIVE * (fx * fx + fy * fy + bx * bx + by * by) + ABSOLUTE;
            }
        }
        return valid;
    }
}
