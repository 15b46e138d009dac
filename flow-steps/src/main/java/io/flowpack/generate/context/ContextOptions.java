package io.flowpack.generate.context;

/**
 * AnimateDiff-Evolved's context options (one "Context Options" node): how many frames the motion model sees at once
 * and how the windows are laid over a longer animation.
 *
 * @param schedule         where the windows go
 * @param length           frames per window (the motion model's context length, 16 for SD 1.5 motion modules)
 * @param stride           1: windows of consecutive frames; s &gt; 1 adds windows of every 2nd, 4th … frame
 *                         (at most {@code ⌈log₂(frames/length)⌉ + 1} levels)
 * @param overlap          frames shared by neighbouring windows; less than {@code length}
 * @param closedLoop       looped schedule: windows also wrap from the last frames to the first
 * @param fuse             how overlapping predictions are averaged
 * @param useOnEqualLength use the windows also when the animation has exactly {@code length} frames
 */
public record ContextOptions(ContextSchedule schedule, int length, int stride, int overlap, boolean closedLoop,
                             FuseMethod fuse, boolean useOnEqualLength) {

    public ContextOptions {
        if (schedule == null || fuse == null) {
            throw new IllegalArgumentException("context options need a schedule and a fuse method");
        }
        if (length < 1 || stride < 1 || overlap < 0) {
            throw new IllegalArgumentException("context_length and context_stride must be at least 1 and "
                    + "context_overlap at least 0, got " + length + ", " + stride + ", " + overlap);
        }
        if (overlap >= length) {
            throw new IllegalArgumentException("context_overlap " + overlap + " must be less than context_length "
                    + length + " (windows would not advance)");
        }
    }

    /** Whether sampling {@code frames} frames goes window by window (else one window holds every frame). */
    public boolean slides(int frames) {
        return frames > length || (frames == length && useOnEqualLength);
    }
}
