package io.flowpack.morph;

/**
 * What one output frame shows: keyframes {@code from} and {@code to} (indices into the keyframe list), mixed with
 * {@code weight} of {@code to} in [0, 1]. A frame exactly on a keyframe has {@code from == to}.
 */
public record FrameBlend(int from, int to, double weight) {

    public FrameBlend {
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be in [0, 1], got " + weight);
        }
    }

    public boolean isKeyframe() {
        return from == to;
    }
}
