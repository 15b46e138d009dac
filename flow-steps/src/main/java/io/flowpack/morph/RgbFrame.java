package io.flowpack.morph;

/** One frame as packed RGB pixels ({@code 0x00RRGGBB}, row by row); the array is not copied. */
public record RgbFrame(int width, int height, int[] pixels) {

    public RgbFrame {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException(pixels.length + " pixels for a " + width + "×" + height + " frame");
        }
    }
}
