package io.flowpack.video;

/**
 * What to write: frame size, frame rate, container and a quality in [0, 1] (mapped onto each encoder's own scale
 * by {@link EncoderQuality}).
 */
public record VideoSpec(int width, int height, double fps, VideoFormat format, float quality) {

    public VideoSpec {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("video size must be at least 2×2, got " + width + "×" + height);
        }
        if (format.needsEvenSize() && (width % 2 != 0 || height % 2 != 0)) {
            throw new IllegalArgumentException(format + " needs an even width and height, got " + width + "×" + height);
        }
        if (!(fps > 0 && fps <= 240)) {
            throw new IllegalArgumentException("fps must be in (0, 240], got " + fps);
        }
        if (!(quality >= 0 && quality <= 1)) {
            throw new IllegalArgumentException("quality must be in [0, 1], got " + quality);
        }
    }
}
