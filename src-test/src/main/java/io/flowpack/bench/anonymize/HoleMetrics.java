package io.flowpack.bench.anonymize;

/**
 * PSNR (RGB) and SSIM (luma, BT.601 weights, 11×11 Gaussian window with σ = 1.5, K1 = 0.01, K2 = 0.03, L = 255,
 * after Wang et al. 2004) of a result against the truth, both measured only over the pixels where {@code hole} is
 * set: the SSIM map is computed everywhere near the hole (edge pixels repeated at the image border) and averaged
 * over the hole pixels.
 */
final class HoleMetrics {
    private static final int RADIUS = 5;
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] WINDOW = gaussian();

    private HoleMetrics() {
    }

    /** PSNR in dB over the hole pixels of two 0xRRGGBB images; infinite when equal there. */
    static double psnr(int[] truth, int[] result, boolean[] hole) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < hole.length; i++) {
            if (hole[i]) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((truth[i] >> shift) & 0xff) - ((result[i] >> shift) & 0xff);
                    sum += d * d;
                }
                n += 3;
            }
        }
        return n == 0 || sum == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 * n / sum);
    }

    /** Mean luma SSIM over the hole pixels. */
    static double ssim(int[] truth, int[] result, boolean[] hole, int width, int height) {
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (hole[y * width + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return Double.NaN;
        }
        // the window area: the hole's bounding box plus the window radius, clipped to the image
        int ax = Math.max(0, x0 - RADIUS), ay = Math.max(0, y0 - RADIUS);
        int aw = Math.min(width, x1 + RADIUS + 1) - ax, ah = Math.min(height, y1 + RADIUS + 1) - ay;
        double[] a = new double[aw * ah];
        double[] b = new double[aw * ah];
        for (int y = 0; y < ah; y++) {
            for (int x = 0; x < aw; x++) {
                int i = (ay + y) * width + ax + x;
                a[y * aw + x] = luma(truth[i]);
                b[y * aw + x] = luma(result[i]);
            }
        }
        double[] ma = blur(a, aw, ah);
        double[] mb = blur(b, aw, ah);
        double[] aa = blur(product(a, a), aw, ah);
        double[] bb = blur(product(b, b), aw, ah);
        double[] ab = blur(product(a, b), aw, ah);
        double total = 0;
        long n = 0;
        for (int y = 0; y < ah; y++) {
            for (int x = 0; x < aw; x++) {
                if (!hole[(ay + y) * width + ax + x]) {
                    continue;
                }
                int i = y * aw + x;
                double va = aa[i] - ma[i] * ma[i];
                double vb = bb[i] - mb[i] * mb[i];
                double cov = ab[i] - ma[i] * mb[i];
                total += (2 * ma[i] * mb[i] + C1) * (2 * cov + C2)
                        / ((ma[i] * ma[i] + mb[i] * mb[i] + C1) * (va + vb + C2));
                n++;
            }
        }
        return total / n;
    }

    private static double luma(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    }

    private static double[] product(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    /** Separable Gaussian filter, edge pixels repeated. */
    private static double[] blur(double[] in, int w, int h) {
        double[] rows = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    s += WINDOW[k + RADIUS] * in[y * w + Math.max(0, Math.min(w - 1, x + k))];
                }
                rows[y * w + x] = s;
            }
        }
        double[] out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int k = -RADIUS; k <= RADIUS; k++) {
                    s += WINDOW[k + RADIUS] * rows[Math.max(0, Math.min(h - 1, y + k)) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }

    private static double[] gaussian() {
        double[] w = new double[2 * RADIUS + 1];
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(-(i - RADIUS) * (i - RADIUS) / (2 * 1.5 * 1.5));
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }
}
