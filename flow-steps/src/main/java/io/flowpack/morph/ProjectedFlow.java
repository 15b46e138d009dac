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
    /** Splat sums per pixel, interleaved (x, y, weight): trusted pixels, and untrusted ones. */
    private final float[] sums;
    private final float[] untrustedSums;
    private final int[] holes;
    private int holeCount;
    private final int width;
    private final int height;

    ProjectedFlow(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        dx = new float[n];
        dy = new float[n];
        sums = new float[3 * n];
        untrustedSums = new float[3 * n];
        state = new byte[n];
        holes = new int[n];
    }

    boolean fits(int w, int h) {
        return w == width && h == height;
    }

    /** Projects {@code flow} (keyframe → other keyframe) to time {@code t}; {@code trusted} marks checked pixels. */
    void project(float[] flow, boolean[] trusted, float t) {
        // the sums are all zero here: new, or cleared while they were read the last time
        for (int y = 0; y < height; y++) {
            // the right-hand corners of the last interior splat, held back: the next pixel usually lands one cell
            // further, so its left-hand corners are the same cells and each is written once instead of twice
            float[] held = null;
            int heldQ = -1;
            float tx = 0;
            float ty = 0;
            float tw = 0;
            float bx0 = 0;
            float by0 = 0;
            float bw = 0;
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                float fx = flow[2 * p];
                float fy = flow[2 * p + 1];
                float qx = x + t * fx;
                float qy = y + t * fy;
                if (qx <= -1 || qy <= -1 || qx >= width || qy >= height) {
                    continue;
                }
                int x0 = qx < 0 ? -1 : (int) qx;
                int y0 = qy < 0 ? -1 : (int) qy;
                float ax = qx - x0;
                float ay = qy - y0;
                float bx = -t * fx;
                float by = -t * fy;
                float[] into = trusted[p] ? sums : untrustedSums;
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
                    int q = 3 * (y0 * width + x0);
                    float w00 = (1 - ax) * (1 - ay);
                    float w01 = (1 - ax) * ay;
                    float top = w00;
                    float topX = w00 * bx;
                    float topY = w00 * by;
                    float bottom = w01;
                    float bottomX = w01 * bx;
                    float bottomY = w01 * by;
                    if (held == into && heldQ == q) {
                        top += tw;
                        topX += tx;
                        topY += ty;
                        bottom += bw;
                        bottomX += bx0;
                        bottomY += by0;
                    } else if (held != null) {
                        addWeighted(held, heldQ, tw, tx, ty);
                        addWeighted(held, heldQ + 3 * width, bw, bx0, by0);
                    }
                    addWeighted(into, q, top, topX, topY);
                    addWeighted(into, q + 3 * width, bottom, bottomX, bottomY);
                    float w10 = ax * (1 - ay);
                    float w11 = ax * ay;
                    held = into;
                    heldQ = q + 3;
                    tw = w10;
                    tx = w10 * bx;
                    ty = w10 * by;
                    bw = w11;
                    bx0 = w11 * bx;
                    by0 = w11 * by;
                } else {
                    splat(into, x0, y0, (1 - ax) * (1 - ay), bx, by);
                    splat(into, x0 + 1, y0, ax * (1 - ay), bx, by);
                    splat(into, x0, y0 + 1, (1 - ax) * ay, bx, by);
                    splat(into, x0 + 1, y0 + 1, ax * ay, bx, by);
                }
            }
            if (held != null) {
                addWeighted(held, heldQ, tw, tx, ty);
                addWeighted(held, heldQ + 3 * width, bw, bx0, by0);
            }
        }
        holeCount = 0;
        for (int p = 0, q = 0; p < state.length; p++, q += 3) {
            float w = sums[q + 2];
            float u = untrustedSums[q + 2];
            if (w >= COVERED) {
                dx[p] = sums[q] / w;
                dy[p] = sums[q + 1] / w;
                state[p] = DIRECT;
            } else if (u >= COVERED) {
                dx[p] = untrustedSums[q] / u;
                dy[p] = untrustedSums[q + 1] / u;
                state[p] = UNTRUSTED;
            } else {
                state[p] = HOLE;
                holes[holeCount++] = p;
            }
            sums[q] = 0;
            sums[q + 1] = 0;
            sums[q + 2] = 0;
            untrustedSums[q] = 0;
            untrustedSums[q + 1] = 0;
            untrustedSums[q + 2] = 0;
        }
        for (int pass = 1; pass <= FILL_PASSES && holeCount > 0; pass++) {
            fill((byte) pass);
        }
    }

    private void splat(float[] into, int x, int y, float w, float vx, float vy) {
        if (x >= 0 && y >= 0 && x < width && y < height && w > 0) {
            add(into, 3 * (y * width + x), w, vx, vy);
        }
    }

    private static void add(float[] into, int q, float w, float vx, float vy) {
        into[q] += w * vx;
        into[q + 1] += w * vy;
        into[q + 2] += w;
    }

    /** Adds a splat already weighted: {@code (wx, wy)} is {@code w ×} the flow. */
    private static void addWeighted(float[] into, int q, float w, float wx, float wy) {
        into[q] += wx;
        into[q + 1] += wy;
        into[q + 2] += w;
    }

    /** Gives each hole next to a known pixel the mean of its known 8-neighbours (known before this pass). */
    private void fill(byte pass) {
        int remaining = 0;
        for (int h = 0; h < holeCount; h++) {
            int p = holes[h];
            int x = p % width;
            int y = p / width;
            float sx = 0;
            float sy = 0;
            int count = 0;
            for (int j = Math.max(0, y - 1); j <= Math.min(height - 1, y + 1); j++) {
                for (int i = Math.max(0, x - 1); i <= Math.min(width - 1, x + 1); i++) {
                    int q = j * width + i;
                    byte s = state[q];
                    if (s == DIRECT || s == UNTRUSTED || (s != HOLE && s < pass)) {
                        sx += dx[q];
                        sy += dy[q];
                        count++;
                    }
                }
            }
            if (count > 0) {
                dx[p] = sx / count;
                dy[p] = sy / count;
                state[p] = pass;
            } else {
                holes[remaining++] = p;
            }
        }
        holeCount = remaining;
    }
}
