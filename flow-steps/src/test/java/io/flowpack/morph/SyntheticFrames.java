package io.flowpack.morph;

/** Test scenes with known motion: smooth textures that optical flow can follow, shifted or overlaid by a square. */
final class SyntheticFrames {

    private SyntheticFrames() {
    }

    /** A grey-ish texture of several sines at position (x − dx, y − dy): the content moved by (dx, dy). */
    static RgbFrame texture(int width, int height, double dx, double dy) {
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = background(x - dx, y - dy);
            }
        }
        return new RgbFrame(width, height, pixels);
    }

    /** The background texture with a {@code size} square of another texture whose top-left is at (sx, sy). */
    static RgbFrame squareOver(int width, int height, int size, double sx, double sy) {
        int[] pixels = texture(width, height, 0, 0).pixels();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = x - sx;
                double v = y - sy;
                if (u >= 0 && v >= 0 && u < size && v < size) {
                    pixels[y * width + x] = foreground(u, v);
                }
            }
        }
        return new RgbFrame(width, height, pixels);
    }

    /** Smooth value noise (two octaves, no period): something optical flow can lock onto without ambiguity. */
    static int background(double x, double y) {
        double r = 128 + 70 * noise(x / 9, y / 9, 1) + 35 * noise(x / 3.5, y / 3.5, 2);
        double g = 128 + 70 * noise(x / 11, y / 11, 3) + 35 * noise(x / 4, y / 4, 4);
        double b = 128 + 70 * noise(x / 10, y / 10, 5) + 30 * noise(x / 3, y / 3, 6);
        return rgb(r, g, b);
    }

    /** A much brighter, warmer noise texture for the moving square (it stands out at coarse scales too). */
    static int foreground(double u, double v) {
        double n = noise(u / 6, v / 6, 7) + 0.5 * noise(u / 2.5, v / 2.5, 8);
        return rgb(235 + 20 * n, 215 + 35 * n, 120 + 40 * n);
    }

    /** Bilinearly interpolated hash noise in [-1, 1], smoothstep-faded, for one seed. */
    static double noise(double x, double y, int seed) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = smooth(x - x0);
        double fy = smooth(y - y0);
        double top = lattice(x0, y0, seed) * (1 - fx) + lattice(x0 + 1, y0, seed) * fx;
        double bottom = lattice(x0, y0 + 1, seed) * (1 - fx) + lattice(x0 + 1, y0 + 1, seed) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static double lattice(int x, int y, int seed) {
        long h = x * 0x9E3779B97F4A7C15L ^ y * 0xC2B2AE3D27D4EB4FL ^ seed * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    private static int rgb(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** PSNR in dB over R, G, B of the pixels inside the rectangle [x0, x1) × [y0, y1). */
    static double psnr(int[] a, int[] b, int width, int x0, int y0, int x1, int y1) {
        double sum = 0;
        long count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = a[y * width + x];
                int q = b[y * width + x];
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = ((p >> shift) & 0xff) - ((q >> shift) & 0xff);
                    sum += d * d;
                }
                count += 3;
            }
        }
        double mse = sum / count;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / mse);
    }
}
