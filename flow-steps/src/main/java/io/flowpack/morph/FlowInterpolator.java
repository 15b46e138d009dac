package io.flowpack.morph;

/**
 * The built-in backend: dense optical flow both ways between neighbouring keyframes ({@link DenseFlow}, OpenCV DIS),
 * each in-between frame warped from both keyframes and blended ({@link FlowTransition}). With {@code occlusion} off
 * every pixel is warped, which smears edges where something moves in front of something else.
 */
public final class FlowInterpolator implements Interpolator {
    private final boolean occlusion;

    public FlowInterpolator(boolean occlusion) {
        this.occlusion = occlusion;
    }

    @Override
    public String name() {
        return occlusion ? "flow" : "flow (no occlusion handling)";
    }

    @Override
    public Transition between(RgbFrame a, RgbFrame b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("keyframes differ in size: " + a.width() + "×" + a.height() + " and "
                    + b.width() + "×" + b.height());
        }
        float[] forward = DenseFlow.between(a, b);
        float[] backward = DenseFlow.between(b, a);
        boolean[] trustedA;
        boolean[] trustedB;
        if (occlusion) {
            trustedA = FlowConsistency.check(forward, backward, a.width(), a.height());
            trustedB = FlowConsistency.check(backward, forward, a.width(), a.height());
            forward = OccludedFlow.fill(forward, trustedA, a.width(), a.height());
            backward = OccludedFlow.fill(backward, trustedB, a.width(), a.height());
        } else {
            trustedA = new boolean[a.pixels().length];
            java.util.Arrays.fill(trustedA, true);
            trustedB = trustedA;
        }
        return new FlowTransition(a, b, forward, backward, trustedA, trustedB);
    }
}
