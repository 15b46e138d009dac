package io.flowpack.morph;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where each keyframe sits on the video's frame axis and how the frames between are weighted. Frames before the
 * first keyframe show the first, frames after the last show the last. Built evenly ({@link #even}) or from explicit
 * frame numbers ({@link #at}), which is what a prompt schedule provides together with its {@link FrameWeights}.
 * Every transition keeps at least one in-between frame, so no transition becomes a hard cut.
 */
public final class MorphTimeline {
    private final int frames;
    private final int[] keyframeFrames;
    private final FrameWeights weights;

    private MorphTimeline(int frames, int[] keyframeFrames, FrameWeights weights) {
        this.frames = frames;
        this.keyframeFrames = keyframeFrames;
        this.weights = weights;
    }

    /** {@code keyframes} spread evenly: the first at frame 0, the last at {@code frames - 1}; linear weights. */
    public static MorphTimeline even(int keyframes, int frames) {
        if (keyframes < 1) {
            throw new IllegalArgumentException("a morph needs at least one keyframe");
        }
        int[] at = new int[keyframes];
        for (int i = 0; i < keyframes; i++) {
            at[i] = keyframes == 1 ? 0 : (int) Math.round((double) i * (frames - 1) / (keyframes - 1));
        }
        if (keyframes > 1 && frames < 2 * keyframes - 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d frames are too few for %d keyframes: "
                    + "each of the %d transitions needs at least one frame between its keyframes, so at least %d "
                    + "frames", frames, keyframes, keyframes - 1, 2 * keyframes - 1));
        }
        return at(at, frames, FrameWeights.LINEAR);
    }

    /** Keyframe {@code i} shown exactly at frame {@code keyframeFrames[i]}; strictly increasing, gaps of at least 2. */
    public static MorphTimeline at(int[] keyframeFrames, int frames, FrameWeights weights) {
        if (frames < 1) {
            throw new IllegalArgumentException("a video needs at least one frame, got " + frames);
        }
        if (keyframeFrames.length == 0) {
            throw new IllegalArgumentException("a morph needs at least one keyframe");
        }
        for (int i = 0; i < keyframeFrames.length; i++) {
            int f = keyframeFrames[i];
            if (f < 0 || f >= frames) {
                throw new IllegalArgumentException("keyframe " + (i + 1) + " at frame " + f + " is outside the video's "
                        + "frames 0.." + (frames - 1));
            }
            if (i > 0 && f - keyframeFrames[i - 1] < 2) {
                throw new IllegalArgumentException("keyframe " + (i + 1) + " at frame " + f + " follows keyframe " + i
                        + " at frame " + keyframeFrames[i - 1] + " with no frame between: that would be a hard cut");
            }
        }
        return new MorphTimeline(frames, keyframeFrames.clone(), weights);
    }

    /** Parses {@code "0,30,60"}; the count must match the keyframes. */
    public static MorphTimeline parse(String keyframeFrames, int keyframes, int frames) {
        String[] items = keyframeFrames.split(",");
        if (items.length != keyframes) {
            throw new IllegalArgumentException("keyframeFrames lists " + items.length + " frame numbers for "
                    + keyframes + " keyframes");
        }
        int[] at = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            try {
                at[i] = Integer.parseInt(items[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("keyframeFrames item " + (i + 1) + " '" + items[i].trim()
                        + "' is not a frame number");
            }
        }
        return at(at, frames, FrameWeights.LINEAR);
    }

    public int frames() {
        return frames;
    }

    public int keyframes() {
        return keyframeFrames.length;
    }

    public int keyframeFrame(int keyframe) {
        return keyframeFrames[keyframe];
    }

    /** The keyframes and weight of one frame. */
    public FrameBlend blend(int frame) {
        if (frame < 0 || frame >= frames) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + frames);
        }
        int last = keyframeFrames.length - 1;
        if (frame <= keyframeFrames[0]) {
            return new FrameBlend(0, 0, 0);
        }
        if (frame >= keyframeFrames[last]) {
            return new FrameBlend(last, last, 0);
        }
        int found = Arrays.binarySearch(keyframeFrames, frame);
        if (found >= 0) {
            return new FrameBlend(found, found, 0);
        }
        int to = -found - 1;
        int from = to - 1;
        double w = weights.weight(frame, keyframeFrames[from], keyframeFrames[to]);
        return new FrameBlend(from, to, Math.max(0, Math.min(1, w)));
    }

    @Override
    public String toString() {
        return frames + " frames, keyframes at " + Arrays.toString(keyframeFrames);
    }
}
