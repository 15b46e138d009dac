package io.flowpack.morph;

/**
 * One transition of the optical-flow morph. Both flows are measured once; each in-between frame at weight
 * {@code t} projects keyframe A's flow {@code t} of the way and keyframe B's {@code 1 − t} of the way
 * ({@link ProjectedFlow}), warps both keyframes backwards onto the frame and blends them by {@code t}. With occlusion
 * handling, pixels failing the forward-backward check give way wherever checked pixels land, so where one keyframe
 * hides what the other shows, the one that shows it wins; filled gaps count little against projected pixels.
 * Where neither keyframe reaches a pixel, the two keyframes are cross-faded there; with {@code motion} below 1 a share
 * of cross-fade is mixed into every pixel (keyframes the flow relates only in part).
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
    private final float motion;
    private final String description;
    private final ThreadLocal<ProjectedFlow[]> scratch = new ThreadLocal<>();

    /** @param motion 1 for the flow morph alone, less to mix in that much of a cross-fade (see FlowInterpolator) */
    FlowTransition(RgbFrame a, RgbFrame b, float[] forward, float[] backward, boolean[] trustedA, boolean[] trustedB,
                   float motion, String description) {
        this.a = a;
        this.b = b;
        this.forward = forward;
        this.backward = backward;
        this.trustedA = trustedA;
        this.trustedB = trustedB;
        this.motion = motion;
        this.description = description;
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
        ProjectedFlow[] flows = scratch.get();
        if (flows == null || !flows[0].fits(width, height)) {
            flows = new ProjectedFlow[]{new ProjectedFlow(width, height), new ProjectedFlow(width, height)};
            scratch.set(flows);
        }
        ProjectedFlow toA = flows[0];
        ProjectedFlow toB = flows[1];
        toA.project(forward, trustedA, t);
        toB.project(backward, trustedB, 1 - t);
        int[] pa = a.pixels();
        int[] pb = b.pixels();
        int[] out = new int[width * height];
        float[] sum = new float[3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                float ca = contribution(toA.state[p], 1 - t);
                float cb = contribution(toB.state[p], t);
                float total = ca + cb;
                sum[0] = 0;
                sum[1] = 0;
                sum[2] = 0;
                if (total == 0) {
                    FlowField.addRgb(pa, width, height, x, y, 1 - t, sum);
                    FlowField.addRgb(pb, width, height, x, y, t, sum);
                } else {
                    if (ca > 0) {
                        FlowField.addRgb(pa, width, height, x + toA.dx[p], y + toA.dy[p], ca / total, sum);
                    }
                    if (cb > 0) {
                        FlowField.addRgb(pb, width, height, x + toB.dx[p], y + toB.dy[p], cb / total, sum);
                    }
                }
                if (motion < 1) {
                    mixCrossfade(sum, pa[p], pb[p], t);
                }
                out[p] = (clamp(sum[0]) << 16) | (clamp(sum[1]) << 8) | clamp(sum[2]);
            }
        }
        return out;
    }

    /** Replaces {@code sum} by {@code motion · sum + (1 − motion) · ((1 − t)·a + t·b)}. */
    private void mixCrossfade(float[] sum, int a, int b, float t) {
        float keep = 1 - motion;
        for (int c = 0, shift = 16; c < 3; c++, shift -= 8) {
            float fade = ((a >> shift) & 0xff) * (1 - t) + ((b >> shift) & 0xff) * t;
            sum[c] = motion * sum[c] + keep * fade;
        }
    }

    private static float contribution(byte state, float weight) {
        if (state == ProjectedFlow.DIRECT) {
            return weight;
        }
        if (state == ProjectedFlow.UNTRUSTED) {
            return UNTRUSTED_WEIGHT * weight;
        }
        return state == ProjectedFlow.HOLE ? 0 : FILLED_WEIGHT * weight;
    }

    private static int clamp(float v) {
        int i = (int) (v + 0.5f);
        return v < 0 ? 0 : Math.min(255, i);
    }
}
