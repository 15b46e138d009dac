package io.flowpack.morph;

import io.flowpack.video.VideoFormat;

import java.util.Locale;

/** The video's frame size from the parameters and the first keyframe, checked against the frame limit. */
record FrameSize(int width, int height) {
    /** 8K UHD: the largest frame any of the encoders is asked to take. */
    static final long MAX_FRAME_PIXELS = 7680L * 4320;

    /**
     * Width and height as given; a 0 takes the first keyframe's size (both 0) or keeps its aspect (one 0). MP4 and
     * WebM sizes are rounded down to even numbers (4:2:0 chroma).
     *
     * @throws IllegalArgumentException when the frame exceeds {@code maxPixels} or the 8K limit
     */
    static FrameSize of(int width, int height, int keyframeWidth, int keyframeHeight, VideoFormat format,
                        long maxPixels) {
        long w = width;
        long h = height;
        if (w == 0 && h == 0) {
            w = keyframeWidth;
            h = keyframeHeight;
        } else if (w == 0) {
            w = Math.max(1, Math.round((double) h * keyframeWidth / keyframeHeight));
        } else if (h == 0) {
            h = Math.max(1, Math.round((double) w * keyframeHeight / keyframeWidth));
        }
        if (format.needsEvenSize()) {
            w -= w % 2;
            h -= h % 2;
        }
        long limit = Math.min(maxPixels, MAX_FRAME_PIXELS);
        if (w * h > limit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a %d×%d frame (%.1f MP) exceeds the "
                    + "frame limit of %.1f MP; set a smaller width or height", w, h, w * h / 1e6, limit / 1e6));
        }
        if (w < 2 || h < 2) {
            throw new IllegalArgumentException("a " + w + "×" + h + " frame is too small; width and height must be "
                    + "at least 2");
        }
        return new FrameSize((int) w, (int) h);
    }
}
