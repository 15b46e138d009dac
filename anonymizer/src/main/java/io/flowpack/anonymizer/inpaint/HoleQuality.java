package io.flowpack.anonymizer.inpaint;

/**
 * How close a fill is to the true content, measured only inside the hole ({@code mask >= 0.5}): PSNR over RGB and
 * SSIM on luma (7×7 uniform window, the usual constants), the SSIM map averaged over the hole pixels.
 * Used by the tests and by the inpainting benchmark, for every inpainter alike.
 */
public final class HoleQuality {
    private static final int SSIM_RADIUS = 3;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);

    private HoleQuality() {
    }

    /** PSNR in dB of two 0xRRGGBB images over the hole; infinite when equal there. */
    public static double psnr(int[] truth, int[] result, float[] mask) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (mask[i] >= SoftMask.FILL) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    double d = ((truth[i] >> shift) & 0xff) - ((result[i] >> shift) & 0xff);
                    sum += d * d;
                }
                n += 3;
            }
        }
        return n == 0 || sum == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 * n / sum);
    }

    /** Mean SSIM (luma) over the hole pixels. */
    public static double ssim(int[] truth, int[] result, float[] mask, int width, int height) {
        double[] a = luma(truth);
        double[] b = luma(result);
        double[] sa = integral(a, null, width, height);
        double[] sb = integral(b, null, width, height);
        double[] saa = integral(a, a, width, height);
        double[] sbb = integral(b, b, width, height);
        double[] sab = integral(a, b, width, height);
        double total = 0;
        long n = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[x + y * width] < SoftMask.FILL) {
                    continue;
                }
                int x0 = Math.max(0, x - SSIM_RADIUS);
                int y0 = Math.max(0, y - SSIM_RADIUS);
                int x1 = Math.min(width - 1, x + SSIM_RADIUS);
                int y1 = Math.min(height - 1, y + SSIM_RADIUS);
                double count = (x1 - x0 + 1) * (y1 - y0 + 1);
                double ma = box(sa, width, x0, y0, x1, y1) / count;
                double mb = box(sb, width, x0, y0, x1, y1) / count;
                double va = box(saa, width, x0, y0, x1, y1) / count - ma * ma;
                double vb = box(sbb, width, x0, y0, x1, y1) / count - mb * mb;
                double cov = box(sab, width, x0, y0, x1, y1) / count - ma * mb;
                total += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
                n++;
            }
        }
        return n == 0 ? 1.0 : total / n;
    }

    private static double[] luma(int[] rgb) {
        double[] y = new double[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i];
            y[i] = 0.299 * ((c >> 16) & 0xff) + 0.587 * ((c >> 8) & 0xff) + 0.114 * (c & 0xff);
        }
        return y;
    }

    private static double[] integral(double[] a, double[] b, int width, int height) {
        double[] sum = new double[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            double row = 0;
            for (int x = 0; x < width; x++) {
                int i = x + y * width;
                row += b == null ? a[i] : a[i] * b[i];
                sum[(x + 1) + (y + 1) * (width + 1)] = sum[(x + 1) + y * (width + 1)] + row;
            }
        }
        return sum;
    }

    private static double box(double[] sum, int width, int x0, int y0, int x1, int y1) {
        int w = width + 1;
        return sum[(x1 + 1) + (y1 + 1) * w] - sum[x0 + (y1 + 1) * w] - sum[(x1 + 1) + y0 * w] + sum[x0 + y0 * w];
    }
}
