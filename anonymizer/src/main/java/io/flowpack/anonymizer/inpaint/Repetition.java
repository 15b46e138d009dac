package io.flowpack.anonymizer.inpaint;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How regular the known surroundings of a hole are: for sampled source patches with some contrast, the distance to
 * their most similar patch elsewhere (at least a patch width away), relative to the patch's own variance. Brick
 * walls, tiles and window rows repeat, so the ratio is low; irregular scenes (foliage, furniture clutter, a blurred
 * background) find no close copy and score high.
 */
final class Repetition {
    private static final int SAMPLES = 48;
    /** Patches whose colours vary less than this (mean squared deviation per pixel and channel) are flat. */
    private static final double MIN_VARIANCE = 20;

    private Repetition() {
    }

    /** The median ratio, or {@link Double#POSITIVE_INFINITY} when too few sampled patches have contrast. */
    static double score(ImageLevel image, int[] sources, int radius, long seed) {
        if (sources.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int width = image.width;
        double[] ratios = new double[SAMPLES];
        int kept = 0;
        for (int k = 0; k < SAMPLES; k++) {
            int p = sources[random.nextInt(sources.length)];
            double variance = variance(image, p, radius);
            if (variance < MIN_VARIANCE) {
                continue;
            }
            int px = p % width;
            int py = p / width;
            long best = Long.MAX_VALUE;
            for (int s : sources) {
                int sx = s % width;
                int sy = s / width;
                if (Math.abs(sx - px) <= 2 * radius && Math.abs(sy - py) <= 2 * radius) {
                    continue;
                }
                best = Math.min(best, distance(image, p, s, radius, best));
            }
            int pixels = (2 * radius + 1) * (2 * radius + 1) * 3;
            ratios[kept++] = best / (double) pixels / variance;
        }
        if (kept < SAMPLES / 4) {
            return Double.POSITIVE_INFINITY;
        }
        double[] used = Arrays.copyOf(ratios, kept);
        Arrays.sort(used);
        return used[kept / 2];
    }

    private static double variance(ImageLevel image, int p, int radius) {
        int[][] planes = {image.red, image.green, image.blue};
        double total = 0;
        int n = (2 * radius + 1) * (2 * radius + 1);
        for (int[] plane : planes) {
            double sum = 0;
            double squares = 0;
            for (int dy = -radius; dy <= radius; dy++) {
                for (int dx = -radius; dx <= radius; dx++) {
                    int v = plane[p + dx + dy * image.width];
                    sum += v;
                    squares += (double) v * v;
                }
            }
            double mean = sum / n;
            total += squares / n - mean * mean;
        }
        return total / 3;
    }

    private static long distance(ImageLevel image, int p, int s, int radius, long limit) {
        long sum = 0;
        for (int dy = -radius; dy <= radius; dy++) {
            int a = p + dy * image.width;
            int b = s + dy * image.width;
            for (int dx = -radius; dx <= radius; dx++) {
                int dr = image.red[a + dx] - image.red[b + dx];
                int dg = image.green[a + dx] - image.green[b + dx];
                int db = image.blue[a + dx] - image.blue[b + dx];
                sum += dr * dr + dg * dg + db * db;
            }
            if (sum >= limit) {
                return sum;
            }
        }
        return sum;
    }
}
