package io.flowpack.comfy.nodes.generate;

/**
 * ComfyUI's {@code LATENT} ({@code {"samples": [B,4,h,w]}}): {@code batch × 4 × height × width} floats in C order,
 * {@code height} and {@code width} in latent units (pixels / 8). Never changed after creation.
 */
public record Latent(int batch, int height, int width, float[] samples) {
    /** The most floats a latent batch may hold (1 GiB), so a large {@code batch_size × size} fails early. */
    public static final long MAX_VALUES = 1L << 28;

    public Latent {
        if (batch < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("latent batch and size must be positive: " + batch + "×4×" + height
                    + "×" + width);
        }
        if (samples.length != values(batch, height, width)) {
            throw new IllegalArgumentException(samples.length + " latent values do not match [" + batch + ",4,"
                    + height + "," + width + "]");
        }
    }

    /** {@code batch · 4 · height · width}, as a long. */
    public static long values(long batch, long height, long width) {
        return batch * 4 * height * width;
    }

    /** The values of item {@code index}: {@code [4,h,w]}. */
    public float[] item(int index) {
        int size = 4 * height * width;
        return java.util.Arrays.copyOfRange(samples, index * size, (index + 1) * size);
    }
}
