package io.flowpack.morph;

/**
 * One transition of the optical-flow morph. Both flows are measured once; each in-between frame at weight
 * {@code t} projects keyframe A's flow {@code t} of the way and keyframe B's {@code 1 − t} of the way
 * ({@link ProjectedFlow}), warps both keyframes backwards onto the frame and blends them by {@code t}. With occlusion
 * handling, pixels failing the forward-backward check give way wherever checked pixels land, so where one keyframe
 * hides what the other shows, the one that shows it wins; filled gaps count little against projected pixels.
 * Where neither keyframe reaches a pixel, the two keyframes are cross-faded there; with {@code motion} below 1 a share
 * of cross-fade is mixed into every pixel (keyframes the flow relates only in part).
 *
 * <p>A frame is made row by row in simple passes over row buffers (the blend weights, then each keyframe's
 * bilinear samples, then packing), loops the JIT compiles tightly.
 */
final class FlowTransition implements Interpolator.Transition {
    private static final float UNTRUSTED_WEIGHT = 0.1f;
    private static final float FILLED_WEIGHT = 0.01f;

    private final RgbFrame a;
    private final RgbFrame b;
    private final float[] forward;
    private final float[] backward;
    private final boolean[] trustedA;
    private final boolean[] trustedB;
    /** Both keyframes as interleaved float RGB, unpacked once so that warping reads the channels directly. */
    private final float[] rgbA;
    private final float[] rgbB;
    private final float motion;
    private final String description;
    private final ThreadLocal<Scratch> scratch = new ThreadLocal<>();

    /** @param motion 1 for the flow morph alone, less to mix in that much of a cross-fade (see FlowInterpolator) */
    FlowTransition(RgbFrame a, RgbFrame b, float[] forward, float[] backward, boolean[] trustedA, boolean[] trustedB,
                   float motion, String description) {
        this.a = a;
        this.b = b;
        this.forward = forward;
        this.backward = backward;
        this.trustedA = trustedA;
        this.trustedB = trustedB;
        this.rgbA = channels(a.pixels());
        this.rgbB = channels(b.pixels());
        this.motion = motion;
        this.description = description;
    }

    /** Per rendering thread: both projections and one row of weights and colour sums, reused frame after frame. */
    private static final class Scratch {
        final ProjectedFlow toA;
        final ProjectedFlow toB;
        final float[] weightA;
        final float[] weightB;
        final float[] red;
        final float[] green;
        final float[] blue;

        Scratch(int width, int height) {
            toA = new ProjectedFlow(width, height);
            toB = new ProjectedFlow(width, height);
            weightA = new float[width];
            weightB = new float[width];
            red = new float[width];
            green = new float[width];
            blue = new float[width];
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public int[] frame(double weight) {
        int width = a.width();
        int height = a.height();
        float t = (float) weight;
        Scratch s = scratch.get();
        if (s == null || !s.toA.fits(width, height)) {
            s = new Scratch(width, height);
            scratch.set(s);
        }
        s.toA.project(forward, trustedA, t);
        s.toB.project(backward, trustedB, 1 - t);
        float[] byStateA = contributions(1 - t);
        float[] byStateB = contributions(t);
        int[] pa = a.pixels();
        int[] pb = b.pixels();
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            weights(s, byStateA, byStateB, row, width);
            java.util.Arrays.fill(s.red, 0);
            java.util.Arrays.fill(s.green, 0);
            java.util.Arrays.fill(s.blue, 0);
            accumulate(rgbA, width, height, y, s.toA.dx, s.toA.dy, s.weightA, s);
            accumulate(rgbB, width, height, y, s.toB.dx, s.toB.dy, s.weightB, s);
            if (motion < 1) {
                mixCrossfade(s, pa, pb, row, width, t);
            }
            for (int x = 0; x < width; x++) {
                out[row + x] = (clamp(s.red[x]) << 16) | (clamp(s.green[x]) << 8) | clamp(s.blue[x]);
            }
        }
        return out;
    }

    /** Each keyframe's share of every pixel in row {@code row}, from what its projection says about the pixel. */
    private static void weights(Scratch s, float[] byStateA, float[] byStateB, int row, int width) {
        byte[] stateA = s.toA.state;
        byte[] stateB = s.toB.state;
        for (int x = 0; x < width; x++) {
            int p = row + x;
            float ca = byStateA[stateA[p]];
            float cb = byStateB[stateB[p]];
            float total = ca + cb;
            if (total == 0) {
                // neither keyframe reaches the pixel: both are cross-faded there, unmoved
                s.toA.dx[p] = 0;
                s.toA.dy[p] = 0;
                s.toB.dx[p] = 0;
                s.toB.dy[p] = 0;
                s.weightA[x] = byStateA[ProjectedFlow.DIRECT];
                s.weightB[x] = byStateB[ProjectedFlow.DIRECT];
            } else {
                s.weightA[x] = ca / total;
                s.weightB[x] = cb / total;
            }
        }
    }

    private static float[] channels(int[] pixels) {
        float[] rgb = new float[3 * pixels.length];
        for (int p = 0, q = 0; p < pixels.length; p++, q += 3) {
            int v = pixels[p];
            rgb[q] = (v >> 16) & 0xff;
            rgb[q + 1] = (v >> 8) & 0xff;
            rgb[q + 2] = v & 0xff;
        }
        return rgb;
    }

    /** Adds {@code weight[x] ×} the bilinear sample of {@code rgb} at (x + dx, y + dy), clamped, for row y. */
    private static void accumulate(float[] rgb, int width, int height, int y, float[] dx, float[] dy, float[] weight,
                                   Scratch s) {
        float maxX = width - 1;
        float maxY = height - 1;
        float[] red = s.red;
        float[] green = s.green;
        float[] blue = s.blue;
        int row = y * width;
        for (int x = 0; x < width; x++) {
            float w = weight[x];
            if (w == 0) {
                continue;
            }
            float sx = x + dx[row + x];
            float sy = y + dy[row + x];
            sx = sx > 0 ? (sx < maxX ? sx : maxX) : 0;
            sy = sy > 0 ? (sy < maxY ? sy : maxY) : 0;
            int x0 = (int) sx;
            int y0 = (int) sy;
            float ax = sx - x0;
            float ay = sy - y0;
            int i00 = 3 * (y0 * width + x0);
            int i10 = i00 + (x0 < width - 1 ? 3 : 0);
            int down = y0 < height - 1 ? 3 * width : 0;
            int i01 = i00 + down;
            int i11 = i10 + down;
            float w11 = ax * ay * w;
            float w10 = ax * w - w11;
            float w01 = ay * w - w11;
            float w00 = w - w10 - w01 - w11;
            red[x] += rgb[i00] * w00 + rgb[i10] * w10 + rgb[i01] * w01 + rgb[i11] * w11;
            green[x] += rgb[i00 + 1] * w00 + rgb[i10 + 1] * w10 + rgb[i01 + 1] * w01 + rgb[i11 + 1] * w11;
            blue[x] += rgb[i00 + 2] * w00 + rgb[i10 + 2] * w10 + rgb[i01 + 2] * w01 + rgb[i11 + 2] * w11;
        }
    }

    /** Replaces each sum by {@code motion · sum + (1 − motion) · ((1 − t)·a + t·b)}. */
    private void mixCrossfade(Scratch s, int[] pa, int[] pb, int row, int width, float t) {
        float keep = 1 - motion;
        for (int x = 0; x < width; x++) {
            int qa = pa[row + x];
            int qb = pb[row + x];
            s.red[x] = motion * s.red[x] + keep * (((qa >> 16) & 0xff) * (1 - t) + ((qb >> 16) & 0xff) * t);
            s.green[x] = motion * s.green[x] + keep * (((qa >> 8) & 0xff) * (1 - t) + ((qb >> 8) & 0xff) * t);
            s.blue[x] = motion * s.blue[x] + keep * ((qa & 0xff) * (1 - t) + (qb & 0xff) * t);
        }
    }

    /** A keyframe's weight by projection state (indexed by the state's value) when the frame holds {@code weight} of it. */
    private static float[] contributions(float weight) {
        float[] byState = new float[ProjectedFlow.DIRECT + 1];
        for (int state = 1; state < byState.length; state++) {
            byState[state] = state == ProjectedFlow.DIRECT ? weight
                    : state == ProjectedFlow.UNTRUSTED ? UNTRUSTED_WEIGHT * weight
                    : FILLED_WEIGHT * weight;
        }
        return byState;
    }

    private static int clamp(float v) {
        int i = (int) (v + 0.5f);
        return v < 0 ? 0 : Math.min(255, i);
    }
}
