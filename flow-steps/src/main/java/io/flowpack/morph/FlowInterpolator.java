package io.flowpack.morph;

import io.flowpack.step.StepException;

/**
 * The built-in backend: dense optical flow both ways between neighbouring keyframes ({@link DenseFlow}, OpenCV DIS),
 * each in-between frame warped from both keyframes and blended ({@link FlowTransition}). With {@code occlusion} off
 * every pixel is warped, which smears edges where something moves in front of something else. Keyframes the flow
 * cannot relate are cross-faded instead ({@link #motion}): a dissolve, never a cut.
 */
public final class FlowInterpolator implements Interpolator {
    static final double UNRELATED = 0.35;
    static final double RELATED = 0.65;

    private final boolean occlusion;

    /** Also starts loading the natives (OpenCV, FFmpeg) in the background, while the caller decodes the keyframes. */
    public FlowInterpolator(boolean occlusion) {
        this.occlusion = occlusion;
        DenseFlow.preload();
    }

    /**
     * How much of the flow morph to show, from the share of pixels whose flow passed the check: camera moves and
     * moving objects keep 0.9 and more, unrelated pictures (room to room, apples to oranges) fall to 0.1–0.3, where
     * the flow is noise and warping would tear the picture. Below {@value #UNRELATED} the transition is a
     * cross-fade, above {@value #RELATED} the flow morph, in between a mix of both.
     */
    static float motion(double trustedShare) {
        return (float) Math.max(0, Math.min(1, (trustedShare - UNRELATED) / (RELATED - UNRELATED)));
    }

    private static double share(boolean[] trusted) {
        int count = 0;
        for (boolean t : trusted) {
            if (t) {
                count++;
            }
        }
        return trusted.length == 0 ? 0 : (double) count / trusted.length;
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
        boolean[] trustedA = FlowConsistency.check(forward, backward, a.width(), a.height());
        boolean[] trustedB = FlowConsistency.check(backward, forward, a.width(), a.height());
        double consistent = (share(trustedA) + share(trustedB)) / 2;
        float motion = motion(consistent);
        String percent = Math.round(100 * consistent) + " % of the flow consistent";
        if (motion == 0) {
            Transition fade = new CrossfadeInterpolator().between(a, b);
            return new Transition() {
                @Override
                public int[] frame(double weight) throws StepException {
                    return fade.frame(weight);
                }

                @Override
                public String describe() {
                    return "cross-fade: unrelated keyframes (" + percent + ")";
                }
            };
        }
        if (occlusion) {
            forward = OccludedFlow.fill(forward, trustedA, a.width(), a.height());
            backward = OccludedFlow.fill(backward, trustedB, a.width(), a.height());
        } else {
            java.util.Arrays.fill(trustedA, true);
            trustedB = trustedA;
        }
        String description = motion == 1 ? "flow (" + percent + ")"
                : "flow " + Math.round(100 * motion) + " % + cross-fade (" + percent + ")";
        return new FlowTransition(a, b, forward, backward, trustedA, trustedB, motion, description);
    }
}
