package io.flowpack.imaging;

import java.awt.image.BufferedImage;

/** Turns a stored image into its displayed form for an EXIF orientation value, by moving whole int pixels. */
final class Orientation {

    private Orientation() {
    }

    /** Orientations 5 to 8 turn the image by a quarter: width and height swap. */
    static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    /**
     * The displayed image for a TYPE_INT_RGB/ARGB image stored with the given orientation
     * (1 as stored, 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6 turned 90° clockwise,
     * 7 transversed, 8 turned 90° counter-clockwise). Returns the same image for 1 or unknown values.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        // The displayed index of stored pixel (x, y) is start + x * stepX + y * stepY.
        int start;
        int stepX;
        int stepY;
        switch (orientation) {
            case 2 -> { start = w - 1; stepX = -1; stepY = w; }
            case 3 -> { start = w * h - 1; stepX = -1; stepY = -w; }
            case 4 -> { start = (h - 1) * w; stepX = 1; stepY = -w; }
            case 5 -> { start = 0; stepX = h; stepY = 1; }
            case 6 -> { start = h - 1; stepX = h; stepY = -1; }
            case 7 -> { start = w * h - 1; stepX = -h; stepY = -1; }
            default -> { start = (w - 1) * h; stepX = -h; stepY = 1; }   // 8
        }
        boolean swap = swapsAxes(orientation);
        BufferedImage shown = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
        int[] from = Pixels.argb(image);
        int[] to = Pixels.argb(shown);
        for (int y = 0; y < h; y++) {
            int source = y * w;
            int target = start + y * stepY;
            for (int x = 0; x < w; x++) {
                to[target] = from[source + x];
                target += stepX;
            }
        }
        return shown;
    }
}
