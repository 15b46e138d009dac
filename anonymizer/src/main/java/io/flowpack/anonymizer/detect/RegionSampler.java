package io.flowpack.anonymizer.detect;

/**
 * Resamples a rectangle of packed pixels ({@code 0xAARRGGBB}) into part of a float tensor, RGB levels divided by
 * 255, NCHW or NHWC. Enlarging or mild shrinking is bilinear with half-pixel centres (as the bundled models were
 * verified); shrinking by 2 or more averages every source pixel under the target pixel, so a 4000-pixel photo
 * shrunk to 416 does not alias.
 */
public final class RegionSampler {

    private RegionSampler() {
    }

    /**
     * @param region      the source rectangle, inside the image
     * @param tensorWidth width of the whole tensor plane; the target rectangle starts at ({@code dx}, {@code dy})
     * @param nchw        planar channels (NCHW) or interleaved (NHWC)
     */
    public static void sample(int[] argb, int imageWidth, Region region, float[] tensor, int tensorWidth,
                              int tensorHeight, int dx, int dy, int dw, int dh, boolean nchw) {
        int plane = tensorWidth * tensorHeight;
        float[] rgb = new float[3];
        boolean average = (double) region.width() / dw >= 2 || (double) region.height() / dh >= 2;
        for (int j = 0; j < dh; j++) {
            for (int i = 0; i < dw; i++) {
                if (average) {
                    areaAverage(argb, imageWidth, region, i, j, dw, dh, rgb);
                } else {
                    bilinear(argb, imageWidth, region, i, j, dw, dh, rgb);
                }
                int x = dx + i;
                int y = dy + j;
                if (nchw) {
                    int at = y * tensorWidth + x;
                    tensor[at] = rgb[0];
                    tensor[plane + at] = rgb[1];
                    tensor[2 * plane + at] = rgb[2];
                } else {
                    int at = (y * tensorWidth + x) * 3;
                    tensor[at] = rgb[0];
                    tensor[at + 1] = rgb[1];
                    tensor[at + 2] = rgb[2];
                }
            }
        }
    }

    /** Sets every value of the tensor to {@code level / 255} (the letterbox padding). */
    public static void fill(float[] tensor, int level) {
        java.util.Arrays.fill(tensor, level / 255f);
    }

    private static void bilinear(int[] argb, int imageWidth, Region r, int i, int j, int dw, int dh, float[] rgb) {
        float sx = clamp(r.x() + (i + 0.5f) * r.width() / dw - 0.5f, r.x(), r.right() - 1);
        float sy = clamp(r.y() + (j + 0.5f) * r.height() / dh - 0.5f, r.y(), r.bottom() - 1);
        int x0 = (int) sx;
        int y0 = (int) sy;
        int x1 = Math.min(x0 + 1, r.right() - 1);
        int y1 = Math.min(y0 + 1, r.bottom() - 1);
        float fx = sx - x0;
        float fy = sy - y0;
        int p00 = argb[y0 * imageWidth + x0];
        int p01 = argb[y0 * imageWidth + x1];
        int p10 = argb[y1 * imageWidth + x0];
        int p11 = argb[y1 * imageWidth + x1];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            float top = level(p00, shift) + (level(p01, shift) - level(p00, shift)) * fx;
            float bottom = level(p10, shift) + (level(p11, shift) - level(p10, shift)) * fx;
            rgb[c] = (top + (bottom - top) * fy) / 255f;
        }
    }

    private static void areaAverage(int[] argb, int imageWidth, Region r, int i, int j, int dw, int dh, float[] rgb) {
        int x0 = r.x() + (int) ((long) i * r.width() / dw);
        int x1 = Math.max(x0 + 1, r.x() + (int) ((long) (i + 1) * r.width() / dw));
        int y0 = r.y() + (int) ((long) j * r.height() / dh);
        int y1 = Math.max(y0 + 1, r.y() + (int) ((long) (j + 1) * r.height() / dh));
        long red = 0;
        long green = 0;
        long blue = 0;
        for (int y = y0; y < y1; y++) {
            int row = y * imageWidth;
            for (int x = x0; x < x1; x++) {
                int p = argb[row + x];
                red += (p >> 16) & 0xff;
                green += (p >> 8) & 0xff;
                blue += p & 0xff;
            }
        }
        float n = 255f * (x1 - x0) * (y1 - y0);
        rgb[0] = red / n;
        rgb[1] = green / n;
        rgb[2] = blue / n;
    }

    private static float level(int pixel, int shift) {
        return (pixel >> shift) & 0xff;
    }

    private static float clamp(float v, int lo, int hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
