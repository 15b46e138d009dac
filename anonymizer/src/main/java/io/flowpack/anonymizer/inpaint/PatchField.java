package io.flowpack.anonymizer.inpaint;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The nearest-neighbour field of one pyramid level (Barnes et al. 2009): for every patch centre whose patch
 * touches the hole (the targets), the centre of the most similar patch that lies wholly in the known part of the
 * window (the sources), found by propagation and random search; and the weighted vote (Wexler et al. 2007) that
 * turns the field into new hole colours.
 *
 * <p>Work is split in bands of {@value #BAND} rows that run in parallel; propagation stays inside its band and
 * each band draws from its own random stream, so the result depends on the seed, never on the thread count. Bands
 * shift by half their height every other iteration so that good matches travel across band borders.
 */
final class PatchField {
    static final int BAND = 16;
    /**
     * Patches nearer the known rim vote more, γ^−depth. Wexler et al. use 1.3; 2 keeps the rim's structure and
     * scored better inside person-sized holes (docs/BENCHMARKS.md).
     */
    private static final double BOUNDARY_GAMMA = 2.0;
    /** The distance scale σ² of the vote weights: this quantile of the targets' mean per-pixel distances. */
    private static final double SIGMA_QUANTILE = 0.9;
    /** Weight of the squared texture-feature differences ({@link ImageLevel#computeTexture}) in patch distances. */
    static final int TEXTURE_WEIGHT = 2;

    private final ImageLevel image;
    private final boolean compareTexture;
    private final int radius;
    private final int width;
    private final int height;
    private final boolean[] source;
    private final int[] sources;
    private final boolean[] target;
    private final int[] targets;
    private final int[] rowStart;
    private final int[] nnf;
    private final int[] distance;

    PatchField(ImageLevel image, int radius) {
        this(image, radius, true);
    }

    /**
     * @param compareTexture whether patch distances include the texture features; the finest level leaves them out
     *                       (its colours carry the texture itself, and five planes cost half as much again)
     */
    PatchField(ImageLevel image, int radius, boolean compareTexture) {
        this.compareTexture = compareTexture;
        this.image = image;
        this.radius = radius;
        this.width = image.width;
        this.height = image.height;
        int[] holes = integral(image.hole, width, height);
        source = new boolean[width * height];
        target = new boolean[width * height];
        int sourceCount = 0;
        int targetCount = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = x + y * width;
                boolean inside = x >= radius && y >= radius && x < width - radius && y < height - radius;
                int touching = boxSum(holes, width, Math.max(0, x - radius), Math.max(0, y - radius),
                        Math.min(width - 1, x + radius), Math.min(height - 1, y + radius));
                source[i] = inside && touching == 0;
                target[i] = touching > 0;
                sourceCount += source[i] ? 1 : 0;
                targetCount += target[i] ? 1 : 0;
            }
        }
        sources = new int[sourceCount];
        targets = new int[targetCount];
        rowStart = new int[height + 1];
        int s = 0;
        int t = 0;
        for (int i = 0; i < width * height; i++) {
            if (i % width == 0) {
                rowStart[i / width] = t;
            }
            if (source[i]) {
                sources[s++] = i;
            }
            if (target[i]) {
                targets[t++] = i;
            }
        }
        rowStart[height] = t;
        nnf = new int[width * height];
        distance = new int[width * height];
    }

    int[] sourcePositions() {
        return sources;
    }

    /** How many source patches a level offers. */
    static int sourceCount(ImageLevel image, int radius) {
        return new PatchField(image, radius).sources.length;
    }

    boolean hasSources() {
        return sources.length > 0;
    }

    /**
     * Fills the hole of a level that has no coarser one by {@link OnionPatchFill} and starts the field from the
     * sources it copied (targets outside the hole get random sources).
     */
    void onionInit(long seed) {
        int[] match = new OnionPatchFill(image, radius).fill(sources, source, seed);
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int t : targets) {
            int m = match[t];
            nnf[t] = m >= 0 && source[m] ? m : sources[random.nextInt(sources.length)];
        }
    }

    /** Every target gets a random source. */
    void randomInit(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int t : targets) {
            nnf[t] = sources[random.nextInt(sources.length)];
        }
    }

    /** Every target gets its coarser parent's match, doubled, with the offset of the child inside its parent. */
    void initFrom(PatchField coarse, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int cw = coarse.width;
        for (int t : targets) {
            int x = t % width;
            int y = t / width;
            int cx = Math.min(x / 2, cw - 1);
            int cy = Math.min(y / 2, coarse.height - 1);
            int c = cx + cy * cw;
            int match = -1;
            if (coarse.target[c]) {
                int s = coarse.nnf[c];
                int sx = clamp(2 * (s % cw) + (x - 2 * cx), radius, width - 1 - radius);
                int sy = clamp(2 * (s / cw) + (y - 2 * cy), radius, height - 1 - radius);
                match = sx + sy * width;
            }
            nnf[t] = match >= 0 && source[match] ? match : sources[random.nextInt(sources.length)];
        }
    }

    /** Shifts the fill's colours so that it meets the rim ({@link SeamCorrection}). */
    void correctSeams() {
        SeamCorrection.correct(image, nnf, radius);
    }

    /** The patch distances of the current matches, after the hole colours changed. */
    void measure(ForkJoinPool pool) {
        run(pool, bandCount(0), band -> {
            int[] range = band(band, 0);
            for (int k = rowStart[range[0]]; k < rowStart[range[1]]; k++) {
                int t = targets[k];
                distance[t] = distance(t, nnf[t], Integer.MAX_VALUE);
            }
        });
    }

    /** One pass of propagation (forward on even, backward on odd iterations) and random search. */
    void improve(int iteration, long seed, ForkJoinPool pool) {
        boolean forward = iteration % 2 == 0;
        int shift = forward ? 0 : BAND / 2;
        run(pool, bandCount(shift), band -> {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + iteration * 1_000_003L + band);
            int[] range = band(band, shift);
            int first = rowStart[range[0]];
            int end = rowStart[range[1]];
            for (int k = forward ? first : end - 1; forward ? k < end : k >= first; k += forward ? 1 : -1) {
                int t = targets[k];
                int x = t % width;
                int y = t / width;
                if (forward) {
                    if (x > 0 && target[t - 1]) {
                        tryShifted(t, nnf[t - 1], 1, 0);
                    }
                    if (y > range[0] && target[t - width]) {
                        tryShifted(t, nnf[t - width], 0, 1);
                    }
                } else {
                    if (x < width - 1 && target[t + 1]) {
                        tryShifted(t, nnf[t + 1], -1, 0);
                    }
                    if (y < range[1] - 1 && target[t + width]) {
                        tryShifted(t, nnf[t + width], 0, -1);
                    }
                }
                randomSearch(t, random);
            }
        });
    }

    /**
     * Sets every hole pixel to the weighted mean of what the overlapping patches' matches put there; a match's
     * weight falls with its distance, exp(-d / 2σ²), σ² the 90th percentile of the targets' mean distances,
     * and with its depth inside the hole, γ^−depth. Where the matches agree (a coherent copy) the mean reproduces
     * the source's texture exactly; where they disagree it averages, which is the least wrong guess.
     */
    void vote(ForkJoinPool pool) {
        float[] weight = new float[width * height];
        float[] perPixel = new float[targets.length];
        for (int k = 0; k < targets.length; k++) {
            int t = targets[k];
            perPixel[k] = distance[t] / (3f * patchPixels(t));  // texture terms included: a relative scale
        }
        float[] sorted = perPixel.clone();
        Arrays.sort(sorted);
        float sigma2 = Math.max(1f, sorted.length == 0 ? 1f : sorted[(int) (SIGMA_QUANTILE * (sorted.length - 1))]);
        int[] depth = image.distanceToKnown();
        for (int k = 0; k < targets.length; k++) {
            weight[targets[k]] = (float) Math.exp(-perPixel[k] / (2 * sigma2)) + 1e-6f;
        }
        // γ^-depth relative to the voted pixel's own depth (patches overlapping it differ by at most ±radius):
        // absolute γ^-depth underflows a few dozen pixels into a large hole and turns the vote into a plain mean
        float[] confidence = new float[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            confidence[k + radius] = (float) Math.pow(BOUNDARY_GAMMA, -k);
        }
        int n = width * height;
        int[] red = new int[n];
        int[] green = new int[n];
        int[] blue = new int[n];
        int[] textureX = compareTexture ? new int[n] : null;
        int[] textureY = compareTexture ? new int[n] : null;
        boolean[] hole = image.hole;
        run(pool, bandCount(0), band -> {
            int[] range = band(band, 0);
            for (int y = range[0]; y < range[1]; y++) {
                for (int x = 0; x < width; x++) {
                    int p = x + y * width;
                    if (!hole[p]) {
                        continue;
                    }
                    float r = 0;
                    float g = 0;
                    float b = 0;
                    float tx = 0;
                    float ty = 0;
                    float sum = 0;
                    for (int dy = -radius; dy <= radius; dy++) {
                        int qy = y + dy;
                        if (qy < 0 || qy >= height) {
                            continue;
                        }
                        for (int dx = -radius; dx <= radius; dx++) {
                            int qx = x + dx;
                            if (qx < 0 || qx >= width) {
                                continue;
                            }
                            int q = qx + qy * width;
                            int s = nnf[q] - dx - dy * width;
                            int relative = Math.max(-radius, Math.min(radius, depth[q] - depth[p]));
                            float w = weight[q] * confidence[relative + radius];
                            r += w * image.red[s];
                            g += w * image.green[s];
                            b += w * image.blue[s];
                            if (compareTexture) {
                                tx += w * image.textureX[s];
                                ty += w * image.textureY[s];
                            }
                            sum += w;
                        }
                    }
                    float mr = r / sum;
                    float mg = g / sum;
                    float mb = b / sum;
                    red[p] = Math.round(mr);
                    green[p] = Math.round(mg);
                    blue[p] = Math.round(mb);
                    if (compareTexture) {
                        textureX[p] = Math.round(tx / sum);
                        textureY[p] = Math.round(ty / sum);
                    }
                }
            }
        });
        for (int p = 0; p < n; p++) {
            if (hole[p]) {
                image.red[p] = red[p];
                image.green[p] = green[p];
                image.blue[p] = blue[p];
                if (compareTexture) {
                    image.textureX[p] = textureX[p];
                    image.textureY[p] = textureY[p];
                }
            }
        }
    }

    private void tryShifted(int t, int neighbourMatch, int dx, int dy) {
        int sx = neighbourMatch % width + dx;
        int sy = neighbourMatch / width + dy;
        if (sx >= radius && sy >= radius && sx < width - radius && sy < height - radius) {
            tryMatch(t, sx + sy * width);
        }
    }

    private void randomSearch(int t, SplittableRandom random) {
        int reach = Math.max(width, height);
        while (reach >= 1) {
            int best = nnf[t];
            int sx = clamp(best % width + random.nextInt(-reach, reach + 1), radius, width - 1 - radius);
            int sy = clamp(best / width + random.nextInt(-reach, reach + 1), radius, height - 1 - radius);
            int candidate = sx + sy * width;
            if (source[candidate]) {
                tryMatch(t, candidate);
            }
            reach /= 2;
        }
    }

    private void tryMatch(int t, int candidate) {
        if (candidate == nnf[t]) {
            return;
        }
        int d = distance(t, candidate, distance[t]);
        if (d < distance[t]) {
            distance[t] = d;
            nnf[t] = candidate;
        }
    }

    /**
     * Sum of squared colour differences over the patch's pixels inside the window (stops once above {@code limit}),
     * plus the weighted texture-feature differences where this level compares them.
     */
    private int distance(int t, int s, int limit) {
        int sum = planeDistance(t, s, limit, image.red, image.green, image.blue, 1);
        if (!compareTexture || sum >= limit) {
            return sum;
        }
        return sum + planeDistance(t, s, Integer.MAX_VALUE, image.textureX, image.textureY, null, TEXTURE_WEIGHT);
    }

    /** Weighted sum of squared differences of two or three planes over the patch; stops once above {@code limit}. */
    private int planeDistance(int t, int s, int limit, int[] first, int[] second, int[] third, int weight) {
        int tx = t % width;
        int ty = t / width;
        int x0 = Math.max(-radius, -tx);
        int x1 = Math.min(radius, width - 1 - tx);
        int y0 = Math.max(-radius, -ty);
        int y1 = Math.min(radius, height - 1 - ty);
        int sum = 0;
        for (int dy = y0; dy <= y1; dy++) {
            int tRow = t + dy * width;
            int sRow = s + dy * width;
            for (int dx = x0; dx <= x1; dx++) {
                int a = tRow + dx;
                int b = sRow + dx;
                int d1 = first[a] - first[b];
                int d2 = second[a] - second[b];
                int d3 = third == null ? 0 : third[a] - third[b];
                sum += weight * (d1 * d1 + d2 * d2 + d3 * d3);
            }
            if (sum >= limit) {
                return sum;
            }
        }
        return sum;
    }

    private int patchPixels(int t) {
        int tx = t % width;
        int ty = t / width;
        return (Math.min(radius, width - 1 - tx) + Math.min(radius, tx) + 1)
                * (Math.min(radius, height - 1 - ty) + Math.min(radius, ty) + 1);
    }

    private int bandCount(int shift) {
        return (height + shift + BAND - 1) / BAND;
    }

    /** Rows {@code [from, to)} of a band. */
    private int[] band(int band, int shift) {
        return new int[]{Math.max(0, band * BAND - shift), Math.min(height, (band + 1) * BAND - shift)};
    }

    private static void run(ForkJoinPool pool, int bands, java.util.function.IntConsumer work) {
        pool.submit(() -> IntStream.range(0, bands).parallel().forEach(work)).join();
    }

    private static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : Math.min(v, hi);
    }

    private static int[] integral(boolean[] values, int width, int height) {
        int[] sum = new int[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            int row = 0;
            for (int x = 0; x < width; x++) {
                row += values[x + y * width] ? 1 : 0;
                sum[(x + 1) + (y + 1) * (width + 1)] = sum[(x + 1) + y * (width + 1)] + row;
            }
        }
        return sum;
    }

    private static int boxSum(int[] sum, int width, int x0, int y0, int x1, int y1) {
        int w = width + 1;
        return sum[(x1 + 1) + (y1 + 1) * w] - sum[x0 + (y1 + 1) * w] - sum[(x1 + 1) + y0 * w] + sum[x0 + y0 * w];
    }
}
