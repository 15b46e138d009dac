package io.flowpack.imaging;

/**
 * Limits checked from an image's header before any pixel is decoded, so a decompression bomb is refused
 * at once instead of after allocating gigabytes.
 *
 * @param maxPixels width × height of the largest page accepted (default 100 MP)
 * @param maxBytes  size of the largest encoded file accepted (default 512 MiB)
 */
public record ImageLimits(long maxPixels, long maxBytes) {
    public static final ImageLimits DEFAULT = new ImageLimits(100_000_000L, 512L * 1024 * 1024);

    public ImageLimits {
        if (maxPixels <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("image limits must be positive: " + maxPixels + " pixels, " + maxBytes + " bytes");
        }
    }
}
