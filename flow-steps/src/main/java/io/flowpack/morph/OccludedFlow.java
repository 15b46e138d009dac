package io.flowpack.morph;

/**
 * Replaces the flow of untrusted pixels (hidden in the other keyframe, so their measured flow is a guess smeared
 * over from the occluder) by the slowest flow among the trusted pixels around them. The assumption: what gets
 * hidden or revealed is the background, and the background moves less than what passes in front of it (true for a
 * still camera and for parallax). Two raster sweeps carry the candidates in from all sides in linear time.
 */
final class OccludedFlow {
    /** The neighbours a forward sweep has visited before a pixel, and those a backward sweep has. */
    private static final int[][] BEFORE = {{-1, 0}, {-1, -1}, {0, -1}, {1, -1}};
    private static final int[][] AFTER = {{1, 0}, {1, 1}, {0, 1}, {-1, 1}};

    private OccludedFlow() {
    }

    /** A copy of {@code flow} in which each untrusted pixel carries the slowest neighbouring trusted flow. */
    static float[] fill(float[] flow, boolean[] trusted, int width, int height) {
        float[] filled = flow.clone();
        boolean[] known = trusted.clone();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                visit(filled, known, trusted, width, height, x, y, -1);
            }
        }
        for (int y = height - 1; y >= 0; y--) {
            for (int x = width - 1; x >= 0; x--) {
                visit(filled, known, trusted, width, height, x, y, 1);
            }
        }
        return filled;
    }

    /** Takes the slowest flow among the already visited neighbours (those before the pixel in sweep order). */
    private static void visit(float[] flow, boolean[] known, boolean[] trusted, int width, int height, int x, int y,
                              int direction) {
        int p = y * width + x;
        if (trusted[p]) {
            return;
        }
        float best = known[p] ? magnitude(flow, p) : Float.MAX_VALUE;
        int from = -1;
        int[][] neighbours = direction < 0 ? BEFORE : AFTER;
        for (int[] d : neighbours) {
            int nx = x + d[0];
            int ny = y + d[1];
            if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                continue;
            }
            int q = ny * width + nx;
            if (known[q] && magnitude(flow, q) < best) {
                best = magnitude(flow, q);
                from = q;
            }
        }
        if (from >= 0) {
            flow[2 * p] = flow[2 * from];
            flow[2 * p + 1] = flow[2 * from + 1];
            known[p] = true;
        }
    }

    private static float magnitude(float[] flow, int p) {
        return flow[2 * p] * flow[2 * p] + flow[2 * p + 1] * flow[2 * p + 1];
    }
}
