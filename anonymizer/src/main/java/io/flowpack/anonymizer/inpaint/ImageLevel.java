package io.flowpack.anonymizer.inpaint;

/**
 * One level of the pyramid of a hole's window: the colours as three int planes and which pixels are hole.
 * Hole pixels hold the current estimate of the fill.
 */
final class ImageLevel {
    final int width;
    final int height;
    final int[] red;
    final int[] green;
    final int[] blue;
    final boolean[] hole;

    ImageLevel(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        red = new int[n];
        green = new int[n];
        blue = new int[n];
        hole = new boolean[n];
    }

    /** The window {@code [x0, x0 + width) × [y0, y0 + height)} of an 0xRRGGBB image; hole = touched mask. */
    static ImageLevel crop(int[] rgb, float[] mask, int imageWidth, int x0, int y0, int width, int height) {
        ImageLevel level = new ImageLevel(width, height);
        for (int y = 0; y < height; y++) {
            int from = x0 + (y0 + y) * imageWidth;
            for (int x = 0; x < width; x++) {
                int i = x + y * width;
                int c = rgb[from + x];
                level.red[i] = (c >> 16) & 0xff;
                level.green[i] = (c >> 8) & 0xff;
                level.blue[i] = c & 0xff;
                level.hole[i] = SoftMask.touched(mask[from + x]);
            }
        }
        return level;
    }

    /**
     * Half the size. A pixel is known when at least half its children are, and then averages its known children
     * only; the hole does not grow on the way down, so coarse levels keep the rim's colours and structure.
     */
    ImageLevel half() {
        ImageLevel coarse = new ImageLevel((width + 1) / 2, (height + 1) / 2);
        for (int y = 0; y < coarse.height; y++) {
            for (int x = 0; x < coarse.width; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                boolean anyHole = false;
                int kr = 0;
                int kg = 0;
                int kb = 0;
                int kn = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int fx = Math.min(2 * x + dx, width - 1);
                        int fy = Math.min(2 * y + dy, height - 1);
                        int f = fx + fy * width;
                        anyHole |= hole[f];
                        if (!hole[f]) {
                            kr += red[f];
                            kg += green[f];
                            kb += blue[f];
                            kn++;
                        }
                        r += red[f];
                        g += green[f];
                        b += blue[f];
                        n++;
                    }
                }
                int c = x + y * coarse.width;
                if (anyHole && 2 * kn >= n) {
                    coarse.hole[c] = false;
                    coarse.red[c] = (kr + kn / 2) / kn;
                    coarse.green[c] = (kg + kn / 2) / kn;
                    coarse.blue[c] = (kb + kn / 2) / kn;
                    continue;
                }
                coarse.hole[c] = anyHole;
                coarse.red[c] = (r + n / 2) / n;
                coarse.green[c] = (g + n / 2) / n;
                coarse.blue[c] = (b + n / 2) / n;
            }
        }
        return coarse;
    }

    /**
     * Sets the hole pixels from the filled coarser level, interpolated bilinearly (pixel centres aligned), a start
     * for the first search and vote. Smoother than repeating the nearest parent, it makes better first matches.
     */
    void holeFrom(ImageLevel coarse) {
        int cw = coarse.width;
        int ch = coarse.height;
        for (int y = 0; y < height; y++) {
            double fy = Math.min(Math.max((y - 0.5) / 2, 0), ch - 1);
            int cy = (int) fy;
            int cy1 = Math.min(cy + 1, ch - 1);
            double ay = fy - cy;
            for (int x = 0; x < width; x++) {
                int i = x + y * width;
                if (!hole[i]) {
                    continue;
                }
                double fx = Math.min(Math.max((x - 0.5) / 2, 0), cw - 1);
                int cx = (int) fx;
                int cx1 = Math.min(cx + 1, cw - 1);
                double ax = fx - cx;
                int c00 = cx + cy * cw;
                int c10 = cx1 + cy * cw;
                int c01 = cx + cy1 * cw;
                int c11 = cx1 + cy1 * cw;
                red[i] = bilinear(coarse.red, c00, c10, c01, c11, ax, ay);
                green[i] = bilinear(coarse.green, c00, c10, c01, c11, ax, ay);
                blue[i] = bilinear(coarse.blue, c00, c10, c01, c11, ax, ay);
            }
        }
    }

    private static int bilinear(int[] plane, int c00, int c10, int c01, int c11, double ax, double ay) {
        return (int) Math.round((1 - ay) * ((1 - ax) * plane[c00] + ax * plane[c10])
                + ay * ((1 - ax) * plane[c01] + ax * plane[c11]));
    }

    /** Fills the hole from its rim inwards, each pixel the mean of its already known 8 neighbours. */
    void onionPeel() {
        boolean[] known = new boolean[hole.length];
        int remaining = 0;
        for (int i = 0; i < hole.length; i++) {
            known[i] = !hole[i];
            remaining += hole[i] ? 1 : 0;
        }
        int[] ring = new int[hole.length];
        while (remaining > 0) {
            int count = 0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = x + y * width;
                    if (!known[i] && meanOfKnown(known, x, y, i)) {
                        ring[count++] = i;
                    }
                }
            }
            if (count == 0) {
                return; // no known pixel at all: leave the hole as it is
            }
            for (int k = 0; k < count; k++) {
                known[ring[k]] = true;
            }
            remaining -= count;
        }
    }

    private boolean meanOfKnown(boolean[] known, int x, int y, int i) {
        int r = 0;
        int g = 0;
        int b = 0;
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < width && ny < height && known[nx + ny * width]) {
                    int j = nx + ny * width;
                    r += red[j];
                    g += green[j];
                    b += blue[j];
                    n++;
                }
            }
        }
        if (n == 0) {
            return false;
        }
        red[i] = r / n;
        green[i] = g / n;
        blue[i] = b / n;
        return true;
    }

    /** The largest Chebyshev distance from a hole pixel to the nearest known pixel. */
    int holeThickness() {
        int max = 0;
        for (int d : distanceToKnown()) {
            max = Math.max(max, d);
        }
        return max;
    }

    /** Each pixel's Chebyshev distance to the nearest known pixel, 0 for known ones (two-pass chamfer). */
    int[] distanceToKnown() {
        int[] d = new int[hole.length];
        int big = width + height;
        for (int i = 0; i < d.length; i++) {
            d[i] = hole[i] ? big : 0;
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = x + y * width;
                if (d[i] == 0) {
                    continue;
                }
                int m = d[i];
                if (x > 0) {
                    m = Math.min(m, d[i - 1] + 1);
                }
                if (y > 0) {
                    m = Math.min(m, d[i - width] + 1);
                    if (x > 0) {
                        m = Math.min(m, d[i - width - 1] + 1);
                    }
                    if (x < width - 1) {
                        m = Math.min(m, d[i - width + 1] + 1);
                    }
                }
                d[i] = m;
            }
        }
        for (int y = height - 1; y >= 0; y--) {
            for (int x = width - 1; x >= 0; x--) {
                int i = x + y * width;
                int m = d[i];
                if (x < width - 1) {
                    m = Math.min(m, d[i + 1] + 1);
                }
                if (y < height - 1) {
                    m = Math.min(m, d[i + width] + 1);
                    if (x < width - 1) {
                        m = Math.min(m, d[i + width + 1] + 1);
                    }
                    if (x > 0) {
                        m = Math.min(m, d[i + width - 1] + 1);
                    }
                }
                d[i] = m;
            }
        }
        return d;
    }
}
