package io.flowpack.upscale;

import java.awt.image.BufferedImage;

/** Peak signal-to-noise ratio of two same-sized images over R, G and B, in dB (higher is closer). */
public final class Psnr {
    private Psnr() {
    }

    public static double of(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("sizes differ: " + a.getWidth() + "×" + a.getHeight() + " vs "
                    + b.getWidth() + "×" + b.getHeight());
        }
        int width = a.getWidth();
        int[] rowA = new int[width];
        int[] rowB = new int[width];
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            a.getRGB(0, y, width, 1, rowA, 0, width);
            b.getRGB(0, y, width, 1, rowB, 0, width);
            for (int x = 0; x < width; x++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((rowA[x] >> shift) & 0xff) - ((rowB[x] >> shift) & 0xff);
                    sum += d * d;
                }
            }
        }
        double mse = sum / (3.0 * width * a.getHeight());
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
