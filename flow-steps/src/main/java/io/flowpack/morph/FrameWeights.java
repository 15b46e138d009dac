package io.flowpack.morph;

/**
 * The weight of the next keyframe at a frame between two keyframes. Linear by default; a prompt schedule (FizzNodes
 * style, with weight expressions) supplies its own per-frame weights through this interface.
 */
@FunctionalInterface
public interface FrameWeights {
    FrameWeights LINEAR = (frame, fromFrame, toFrame) -> (double) (frame - fromFrame) / (toFrame - fromFrame);

    /** @return in [0, 1] for {@code fromFrame < frame < toFrame}: 0 shows the earlier keyframe, 1 the later one */
    double weight(int frame, int fromFrame, int toFrame);
}
