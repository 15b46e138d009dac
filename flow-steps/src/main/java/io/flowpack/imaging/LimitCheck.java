package io.flowpack.imaging;

import java.util.Locale;

/** Compares an image's file size and declared pixel count with {@link ImageLimits}, with readable refusals. */
final class LimitCheck {
    private static final long MIB = 1024 * 1024;

    private LimitCheck() {
    }

    static void fileSize(long bytes, ImageLimits limits) throws ImageDecodeException {
        if (bytes == 0) {
            throw new ImageDecodeException("file is empty");
        }
        if (bytes > limits.maxBytes()) {
            throw new ImageDecodeException("file is " + bytes(bytes) + ", over the limit of " + bytes(limits.maxBytes()));
        }
    }

    static void pixels(int width, int height, ImageLimits limits) throws ImageDecodeException {
        if (width <= 0 || height <= 0) {
            throw new ImageDecodeException("image header declares an invalid size of " + width + "×" + height);
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new ImageDecodeException("image is " + width + "×" + height + " (" + pixels(pixels) + "), over the limit of "
                    + pixels(limits.maxPixels()));
        }
    }

    /** Megapixels with one decimal; small counts exactly, so a tiny limit does not read "0.0 MP". */
    private static String pixels(long pixels) {
        return pixels < 100_000 ? pixels + " pixels" : String.format(Locale.ROOT, "%.1f MP", pixels / 1e6);
    }

    private static String bytes(long bytes) {
        return bytes < MIB ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }
}
