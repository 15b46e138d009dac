package io.flowpack.morph;

import io.flowpack.step.StepException;

/** Makes the frames between two keyframes of the same size: one backend of the morph step. */
public interface Interpolator {

    /** The backend's name for the audit: {@code flow}, {@code onnx:<model>}, {@code crossfade}. */
    String name();

    /** Prepares the transition from {@code a} to {@code b} (e.g. computes the optical flow once). */
    Transition between(RgbFrame a, RgbFrame b) throws StepException;

    /** The frames of one transition; {@link #frame} may be called from several threads at once. */
    interface Transition {

        /** The frame at {@code weight} in (0, 1): 0 would be the first keyframe, 1 the second. */
        int[] frame(double weight) throws StepException;

        /** What this transition does, for the audit (e.g. a flow morph that fell back to a cross-fade, and why). */
        default String describe() {
            return "";
        }
    }
}
