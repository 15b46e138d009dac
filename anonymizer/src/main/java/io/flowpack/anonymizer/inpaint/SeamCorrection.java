package io.flowpack.anonymizer.inpaint;

/**
 * Removes the low-frequency mismatch between a fill and its surroundings (a sky that darkens upwards filled from
 * its lighter lower part shows the person's outline as a lighter ghost). On the known rim around the hole, the
 * difference between the photo and what the fill's matches would put there is measured; that difference is spread
 * smoothly over the hole (push-pull interpolation over a pyramid) and added, as in gradient-domain (Poisson)
 * blending. Texture stays as the matches copied it; only its level is shifted to meet the rim.
 */
final class SeamCorrection {

    private SeamCorrection() {
    }

    /**
     * Shifts the fill's colours so that it meets the rim: on known pixels next to the hole, the photo minus the mean
     * of what the overlapping patches' matches ({@code nnf}: target centre → source centre) propose there.
     */
    static void correct(ImageLevel image, int[] nnf, int radius) {
        int width = image.width;
        int height = image.height;
        int n = width * height;
        boolean[] hole = image.hole;
        boolean[] onRim = new boolean[n];
        float[][] delta = new float[3][n];
        int[][] planes = {image.red, image.green, image.blue};
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int k = x + y * width;
                if (hole[k] || !nextToHole(image, x, y)) {
                    continue;
                }
                float[] sum = new float[3];
                int count = 0;
                for (int dy = -radius; dy <= radius; dy++) {
                    int qy = y + dy;
                    if (qy < 0 || qy >= height) {
                        continue;
                    }
                    for (int dx = -radius; dx <= radius; dx++) {
                        int qx = x + dx;
                        if (qx < 0 || qx >= width || !hole[qx + qy * width]) {
                            continue;
                        }
                        int s = nnf[qx + qy * width] - dx - dy * width;
                        for (int c = 0; c < 3; c++) {
                            sum[c] += planes[c][s];
                        }
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                onRim[k] = true;
                for (int c = 0; c < 3; c++) {
                    delta[c][k] = planes[c][k] - sum[c] / count;
                }
            }
        }
        apply(image, delta, onRim);
    }

    private static boolean nextToHole(ImageLevel image, int x, int y) {
        int width = image.width;
        int height = image.height;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int qx = x + dx;
                int qy = y + dy;
                if (qx >= 0 && qy >= 0 && qx < width && qy < height && image.hole[qx + qy * width]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * @param image    the finest level, hole filled
     * @param rimDelta per pixel and channel (3 planes) the photo minus the fill's proposal on rim pixels;
     * @param onRim    which pixels carry a measured difference
     */
    static void apply(ImageLevel image, float[][] rimDelta, boolean[] onRim) {
        int width = image.width;
        int height = image.height;
        int[][] planes = {image.red, image.green, image.blue};
        for (int c = 0; c < 3; c++) {
            float[] smooth = pushPull(rimDelta[c], onRim, width, height);
            int[] plane = planes[c];
            for (int p = 0; p < plane.length; p++) {
                if (image.hole[p]) {
                    plane[p] = Math.max(0, Math.min(255, Math.round(plane[p] + smooth[p])));
                }
            }
        }
    }

    /**
     * A smooth interpolation of sparse values: halve (weighted sums) until every pixel has weight, then walk back
     * up, each level filling its weak pixels from the coarser one, bilinearly. Coarse coordinates scale by the true
     * size ratio (an odd size does not halve exactly), so the interpolation does not lean towards the top left.
     */
    static float[] pushPull(float[] values, boolean[] given, int width, int height) {
        float[] value = new float[width * height];
        float[] weight = new float[width * height];
        for (int p = 0; p < value.length; p++) {
            if (given[p]) {
                value[p] = values[p];
                weight[p] = 1;
            }
        }
        return pushPull(value, weight, width, height);
    }

    private static float[] pushPull(float[] value, float[] weight, int width, int height) {
        if (width <= 1 && height <= 1) {
            return value.clone();
        }
        int cw = (width + 1) / 2;
        int ch = (height + 1) / 2;
        float[] coarseValue = new float[cw * ch];
        float[] coarseWeight = new float[cw * ch];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = x + y * width;
                int c = x / 2 + (y / 2) * cw;
                coarseValue[c] += value[p] * weight[p];
                coarseWeight[c] += weight[p];
            }
        }
        for (int c = 0; c < coarseValue.length; c++) {
            if (coarseWeight[c] > 0) {
                coarseValue[c] /= coarseWeight[c];
                coarseWeight[c] = Math.min(1f, coarseWeight[c]);
            }
        }
        float[] coarse = pushPull(coarseValue, coarseWeight, cw, ch);
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            float fy = Math.min(Math.max((y + 0.5f) * ch / height - 0.5f, 0), ch - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, ch - 1);
            float ay = fy - y0;
            for (int x = 0; x < width; x++) {
                float fx = Math.min(Math.max((x + 0.5f) * cw / width - 0.5f, 0), cw - 1);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, cw - 1);
                float ax = fx - x0;
                float up = (1 - ay) * ((1 - ax) * coarse[x0 + y0 * cw] + ax * coarse[x1 + y0 * cw])
                        + ay * ((1 - ax) * coarse[x0 + y1 * cw] + ax * coarse[x1 + y1 * cw]);
                int p = x + y * width;
                float w = Math.min(1f, weight[p]);
                out[p] = w * value[p] + (1 - w) * up;
            }
        }
        return out;
    }
}
