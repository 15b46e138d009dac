package io.flowpack.anonymizer.inpaint;

/**
 * One level of the pyramid of a hole's window: the colours as three int planes, two texture-feature planes and
 * which pixels are hole. Hole pixels hold the current estimate of the fill.
 *
 * <p>The texture features (Newson et al. 2014, "Video inpainting of complex scenes") are the mean absolute
 * horizontal and vertical luma gradients over a window as wide as the coarsest level's pixel: on coarse levels,
 * where a brick wall's mortar lines have been averaged away, they still tell the wall from a plain surface of the
 * same mean colour, so the search does not settle on flat patches that leave a smear at the finest level.
 */
final class ImageLevel {
    final int width;
    final int height;
    final int[] red;
    final int[] green;
    final int[] blue;
    int[] textureX;
    int[] textureY;
    final boolean[] hole;

    ImageLevel(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        red = new int[n];
        green = new int[n];
        blue = new int[n];
        textureX = new int[n];
        textureY = new int[n];
        hole = new boolean[n];
    }

    /** All planes the search compares and the vote fills: colours, then texture features (while kept). */
    int[][] planes() {
        return textureX == null ? new int[][]{red, green, blue} : new int[][]{red, green, blue, textureX, textureY};
    }

    /**
     * Frees the texture features once the coarser levels have been made from them: the finest level compares
     * colours only, and two planes of a 4000×3000 window are 96 MB.
     */
    void dropTexture() {
        textureX = null;
        textureY = null;
    }

    /**
     * Sets the texture features of the known pixels: mean absolute luma gradients (central differences between
     * known pixels) over a {@code window}-wide square of known pixels. Hole pixels get 0 until filled. Streams the
     * box sums row by row (column accumulators), so it needs memory for a few rows only, not for the whole window.
     */
    void computeTexture(int window) {
        int half = window / 2;
        int[] sumX = new int[width];
        int[] sumY = new int[width];
        int[] sumN = new int[width];
        for (int y = -half; y < height + half; y++) {
            addRow(y + half, sumX, sumY, sumN, 1);
            addRow(y - half - 1, sumX, sumY, sumN, -1);
            if (y < 0 || y >= height) {
                continue;
            }
            int boxX = 0;
            int boxY = 0;
            int boxN = 0;
            for (int x = -half; x < width + half; x++) {
                int entering = x + half;
                if (entering < width) {
                    boxX += sumX[entering];
                    boxY += sumY[entering];
                    boxN += sumN[entering];
                }
                int leaving = x - half - 1;
                if (leaving >= 0) {
                    boxX -= sumX[leaving];
                    boxY -= sumY[leaving];
                    boxN -= sumN[leaving];
                }
                if (x < 0 || x >= width) {
                    continue;
                }
                int i = x + y * width;
                boolean known = !hole[i] && boxN > 0;
                textureX[i] = known ? (boxX + boxN / 2) / boxN : 0;
                textureY[i] = known ? (boxY + boxN / 2) / boxN : 0;
            }
        }
    }

    /** Adds (or with {@code sign} -1 removes) row {@code y}'s gradients and known count to the column sums. */
    private void addRow(int y, int[] sumX, int[] sumY, int[] sumN, int sign) {
        if (y < 0 || y >= height) {
            return;
        }
        for (int x = 0; x < width; x++) {
            int i = x + y * width;
            if (hole[i]) {
                continue;
            }
            sumN[x] += sign;
            if (x > 0 && x < width - 1 && !hole[i - 1] && !hole[i + 1]) {
                sumX[x] += sign * Math.abs(luma(i + 1) - luma(i - 1));
            }
            if (y > 0 && y < height - 1 && !hole[i - width] && !hole[i + width]) {
                sumY[x] += sign * Math.abs(luma(i + width) - luma(i - width));
            }
        }
    }

    private int luma(int i) {
        return (299 * red[i] + 587 * green[i] + 114 * blue[i] + 500) / 1000;
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
        int[][] fine = planes();
        int[][] out = coarse.planes();
        int[] all = new int[fine.length];
        int[] known = new int[fine.length];
        for (int y = 0; y < coarse.height; y++) {
            for (int x = 0; x < coarse.width; x++) {
                java.util.Arrays.fill(all, 0);
                java.util.Arrays.fill(known, 0);
                int n = 0;
                int kn = 0;
                boolean anyHole = false;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int fx = Math.min(2 * x + dx, width - 1);
                        int fy = Math.min(2 * y + dy, height - 1);
                        int f = fx + fy * width;
                        anyHole |= hole[f];
                        for (int p = 0; p < fine.length; p++) {
                            all[p] += fine[p][f];
                            if (!hole[f]) {
                                known[p] += fine[p][f];
                            }
                        }
                        kn += hole[f] ? 0 : 1;
                        n++;
                    }
                }
                int c = x + y * coarse.width;
                boolean knownEnough = anyHole && 2 * kn >= n;
                coarse.hole[c] = anyHole && !knownEnough;
                for (int p = 0; p < fine.length; p++) {
                    out[p][c] = knownEnough ? (known[p] + kn / 2) / kn : (all[p] + n / 2) / n;
                }
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
        int[][] from = coarse.planes();
        int[][] to = planes();
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
                for (int p = 0; p < to.length; p++) {
                    to[p][i] = bilinear(from[p], c00, c10, c01, c11, ax, ay);
                }
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
        int[][] planes = planes();
        int[] sums = new int[planes.length];
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < width && ny < height && known[nx + ny * width]) {
                    int j = nx + ny * width;
                    for (int p = 0; p < planes.length; p++) {
                        sums[p] += planes[p][j];
                    }
                    n++;
                }
            }
        }
        if (n == 0) {
            return false;
        }
        for (int p = 0; p < planes.length; p++) {
            planes[p][i] = sums[p] / n;
        }
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
