package io.flowpack.upscale;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;

/**
 * PSNR and SSIM the way super-resolution papers report them: on the luma Y of BT.601 (16..235), with a border of
 * {@code shave} pixels (the scale factor) left out. SSIM after Wang et al. 2004: an 11×11 Gaussian window with
 * σ = 1.5, K1 = 0.01, K2 = 0.03, L = 255, averaged over every window position inside the shaved image.
 */
public final class LumaMetrics {
    private static final int RADIUS = 5;
    private static final double C1 = (0.01 * 255) * (0.01 * 255);
    private static final double C2 = (0.03 * 255) * (0.03 * 255);

    private LumaMetrics() {
    }

    public static double psnr(BufferedImage a, BufferedImage b, int shave) {
        Luma x = Luma.of(a, shave);
        Luma y = Luma.of(b, shave);
        x.checkSize(y);
        double sum = 0;
        for (int i = 0; i < x.values.length; i++) {
            double d = x.values[i] - y.values[i];
            sum += d * d;
        }
        double mse = sum / x.values.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }

    public static double ssim(BufferedImage a, BufferedImage b, int shave) {
        Luma x = Luma.of(a, shave);
        Luma y = Luma.of(b, shave);
        x.checkSize(y);
        double[] window = gaussian();
        int width = x.width;
        int height = x.height;
        double total = 0;
        long count = 0;
        for (int cy = RADIUS; cy < height - RADIUS; cy++) {
            for (int cx = RADIUS; cx < width - RADIUS; cx++) {
                double mx = 0;
                double my = 0;
                double xx = 0;
                double yy = 0;
                double xy = 0;
                for (int j = -RADIUS; j <= RADIUS; j++) {
                    int row = (cy + j) * width + cx;
                    for (int i = -RADIUS; i <= RADIUS; i++) {
                        double w = window[(j + RADIUS) * (2 * RADIUS + 1) + i + RADIUS];
                        double u = x.values[row + i];
                        double v = y.values[row + i];
                        mx += w * u;
                        my += w * v;
                        xx += w * u * u;
                        yy += w * v * v;
                        xy += w * u * v;
                    }
                }
                double vx = xx - mx * mx;
                double vy = yy - my * my;
                double cov = xy - mx * my;
                total += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
                count++;
            }
        }
        return total / count;
    }

    private static double[] gaussian() {
        int size = 2 * RADIUS + 1;
        double[] window = new double[size * size];
        double sum = 0;
        for (int j = 0; j < size; j++) {
            for (int i = 0; i < size; i++) {
                double d2 = (i - RADIUS) * (i - RADIUS) + (j - RADIUS) * (j - RADIUS);
                window[j * size + i] = Math.exp(-d2 / (2 * 1.5 * 1.5));
                sum += window[j * size + i];
            }
        }
        for (int k = 0; k < window.length; k++) {
            window[k] /= sum;
        }
        return window;
    }

    private record Luma(double[] values, int width, int height) {

        static Luma of(BufferedImage image, int shave) {
            BufferedImage rgb = Pixels.toIntRgb(image);
            int[] pixels = Pixels.argb(rgb);
            int width = rgb.getWidth() - 2 * shave;
            int height = rgb.getHeight() - 2 * shave;
            double[] values = new double[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = pixels[(y + shave) * rgb.getWidth() + x + shave];
                    values[y * width + x] = 16 + (65.481 * ((p >> 16) & 0xff) + 128.553 * ((p >> 8) & 0xff)
                            + 24.966 * (p & 0xff)) / 255;
                }
            }
            return new Luma(values, width, height);
        }

        void checkSize(Luma other) {
            if (other.width != width || other.height != height) {
                throw new IllegalArgumentException("sizes differ: " + width + "×" + height + " vs "
                        + other.width + "×" + other.height);
            }
        }
    }
}
