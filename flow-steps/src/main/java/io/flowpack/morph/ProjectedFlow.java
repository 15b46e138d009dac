package io.flowpack.morph;

/**
 * The flow from the frame at time {@code t} back to one keyframe, made by pushing each keyframe pixel {@code t} of
 * the way along its flow and splatting the way back bilinearly onto the grid ("flow projection"). Trusted pixels
 * (those passing the forward-backward check) and untrusted ones (hidden in the other keyframe) are splatted
 * separately: where trusted splats cover a pixel it is {@link #DIRECT}; where only untrusted ones do it is
 * {@link #UNTRUSTED} (content only this keyframe shows, e.g. background that the other keyframe hides). Small gaps
 * (stretching, rounding) are filled from their neighbours in a few passes; what is left is a hole this keyframe
 * cannot show. One instance per thread, reused frame after frame.
 */
final class ProjectedFlow {
    static final byte HOLE = 0;
    static final byte UNTRUSTED = 50;
    static final byte DIRECT = 100;
    private static final float COVERED = 0.25f;
    private static final int FILL_PASSES = 3;

    final float[] dx;
    final float[] dy;
    final byte[] state;
    private final float[] weight;
    private final float[] ux;
    private final float[] uy;
    private final float[] untrustedWeight;
    private final int width;
    private final int height;

    ProjectedFlow(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        dx = new float[n];
        dy = new float[n];
        weight = new float[n];
        ux = new float[n];
        uy = new float[n];
        untrustedWeight = new float[n];
        state = new byte[n];
    }

    boolean fits(int w, int h) {
        return w == width && h == height;
    }

    /** Projects {@code flow} (keyframe → other keyframe) to time {@code t}; {@code trusted} marks checked pixels. */
    void project(float[] flow, boolean[] trusted, float t) {
        java.util.Arrays.fill(dx, 0);
        java.util.Arrays.fill(dy, 0);
        java.util.Arrays.fill(weight, 0);
        java.util.Arrays.fill(ux, 0);
        java.util.Arrays.fill(uy, 0);
        java.util.Arrays.fill(untrustedWeight, 0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                float fx = flow[2 * p];
                float fy = flow[2 * p + 1];
                float qx = x + t * fx;
                float qy = y + t * fy;
                if (qx <= -1 || qy <= -1 || qx >= width || qy >= height) {
                    continue;
                }
                int x0 = (int) Math.floor(qx);
                int y0 = (int) Math.floor(qy);
                float ax = qx - x0;
                float ay = qy - y0;
                float bx = -t * fx;
                float by = -t * fy;
                float[] sx = trusted[p] ? dx : ux;
                float[] sy = trusted[p] ? dy : uy;
                float[] sw = trusted[p] ? weight : untrustedWeight;
                splat(sx, sy, sw, x0, y0, (1 - ax) * (1 - ay), bx, by);
                splat(sx, sy, sw, x0 + 1, y0, ax * (1 - ay), bx, by);
                splat(sx, sy, sw, x0, y0 + 1, (1 - ax) * ay, bx, by);
                splat(sx, sy, sw, x0 + 1, y0 + 1, ax * ay, bx, by);
            }
        }
        for (int p = 0; p < state.length; p++) {
            if (weight[p] >= COVERED) {
                dx[p] /= weight[p];
                dy[p] /= weight[p];
                state[p] = DIRECT;
            } else if (untrustedWeight[p] >= COVERED) {
                dx[p] = ux[p] / untrustedWeight[p];
                dy[p] = uy[p] / untrustedWeight[p];
                state[p] = UNTRUSTED;
            } else {
                state[p] = HOLE;
            }
        }
        for (int pass = 1; pass <= FILL_PASSES; pass++) {
            fill((byte) pass);
        }
    }

    private void splat(float[] sx, float[] sy, float[] sw, int x, int y, float w, float vx, float vy) {
        if (x < 0 || y < 0 || x >= width || y >= height || w <= 0) {
            return;
        }
        int q = y * width + x;
        sx[q] += w * vx;
        sy[q] += w * vy;
        sw[q] += w;
    }

    /** Gives each hole next to a known pixel the mean of its known 8-neighbours (known before this pass). */
    private void fill(byte pass) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                if (state[p] != HOLE) {
                    continue;
                }
                float sx = 0;
                float sy = 0;
                int count = 0;
                for (int j = Math.max(0, y - 1); j <= Math.min(height - 1, y + 1); j++) {
                    for (int i = Math.max(0, x - 1); i <= Math.min(width - 1, x + 1); i++) {
                        byte s = state[j * width + i];
                        if (s == DIRECT || s == UNTRUSTED || (s != HOLE && s < pass)) {
                            sx += dx[j * width + i];
                            sy += dy[j * width + i];
                            count++;
                        }
                    }
                }
                if (count > 0) {
                    dx[p] = sx / count;
                    dy[p] = sy / count;
                    state[p] = pass;
                }
            }
        }
    }
}
