package io.flowpack.upscale;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;

/**
 * The degradation of the super-resolution literature: MATLAB's {@code imresize(img, 1/s, 'bicubic')} — Keys cubic
 * (a = −0.5) widened by the factor (antialiased), pixel centres at i + 0.5, edges replicated. The Set5/Set14 figures
 * in papers are measured on images made this way.
 */
public final class BicubicDownscale {

    private BicubicDownscale() {
    }

    /** {@code src} made {@code factor} times smaller (its size rounded down to a multiple of the factor). */
    public static BufferedImage of(BufferedImage src, int factor) {
        int[] in = Pixels.argb(Pixels.toIntRgb(src));
        int width = src.getWidth();
        int height = src.getHeight();
        int outWidth = width / factor;
        int outHeight = height / factor;
        double[][] columns = new double[3][outWidth * height];
        for (int x = 0; x < outWidth; x++) {
            Taps taps = taps(x, factor, width);
            for (int y = 0; y < height; y++) {
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int k = 0; k < taps.index.length; k++) {
                        sum += taps.weight[k] * ((in[y * width + taps.index[k]] >> (16 - 8 * c)) & 0xff);
                    }
                    columns[c][y * outWidth + x] = sum;
                }
            }
        }
        BufferedImage out = Pixels.create(outWidth, outHeight, false);
        int[] pixels = Pixels.argb(out);
        for (int y = 0; y < outHeight; y++) {
            Taps taps = taps(y, factor, height);
            for (int x = 0; x < outWidth; x++) {
                int rgb = 0xff000000;
                for (int c = 0; c < 3; c++) {
                    double sum = 0;
                    for (int k = 0; k < taps.index.length; k++) {
                        sum += taps.weight[k] * columns[c][taps.index[k] * outWidth + x];
                    }
                    rgb |= (int) Math.max(0, Math.min(255, Math.round(sum))) << (16 - 8 * c);
                }
                pixels[y * outWidth + x] = rgb;
            }
        }
        return out;
    }

    private record Taps(int[] index, double[] weight) {
    }

    private static Taps taps(int out, int factor, int length) {
        double centre = (out + 0.5) * factor - 0.5;
        int first = (int) Math.floor(centre - 2 * factor);
        int count = 4 * factor + 2;
        int[] index = new int[count];
        double[] weight = new double[count];
        double total = 0;
        for (int k = 0; k < count; k++) {
            index[k] = Math.max(0, Math.min(length - 1, first + k));
            weight[k] = cubic((first + k - centre) / factor);
            total += weight[k];
        }
        for (int k = 0; k < count; k++) {
            weight[k] /= total;
        }
        return new Taps(index, weight);
    }

    private static double cubic(double x) {
        double a = Math.abs(x);
        if (a <= 1) {
            return 1.5 * a * a * a - 2.5 * a * a + 1;
        }
        if (a < 2) {
            return -0.5 * a * a * a + 2.5 * a * a - 4 * a + 2;
        }
        return 0;
    }
}
