package io.flowpack.anonymizer.inpaint;

import java.util.SplittableRandom;

/**
 * The start of the coarsest level: the hole is filled ring by ring from its rim inwards, each pixel copying the
 * centre of the source patch that best matches what is already known around it (known and earlier-filled
 * pixels only). Candidates are the neighbours' matches shifted by one pixel, so lines and rows of bricks run on
 * into the hole, plus a random search. Unlike a smooth onion peel (mean of the neighbours), the start already
 * carries the surrounding structure, which the EM rounds then refine instead of averaging a blur.
 */
final class OnionPatchFill {
    private static final int RANDOM_CANDIDATES = 8;

    private final ImageLevel image;
    private final int radius;
    private final int width;
    private final int height;

    OnionPatchFill(ImageLevel image, int radius) {
        this.image = image;
        this.radius = radius;
        this.width = image.width;
        this.height = image.height;
    }

    /**
     * Fills the hole and returns, for each filled pixel, the centre of the source patch it copied (-1 elsewhere).
     *
     * @param sources centres of patches wholly outside the hole
     */
    int[] fill(int[] sources, boolean[] isSource, long seed) {
        int n = width * height;
        int[] match = new int[n];
        java.util.Arrays.fill(match, -1);
        if (sources.length == 0) {
            image.onionPeel();
            return match;
        }
        boolean[] known = new boolean[n];
        for (int i = 0; i < n; i++) {
            known[i] = !image.hole[i];
        }
        int[] depth = image.distanceToKnown();
        int deepest = 0;
        for (int d : depth) {
            deepest = Math.max(deepest, d);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[][] planes = image.planes();
        for (int ring = 1; ring <= deepest; ring++) {
            for (int p = 0; p < n; p++) {
                if (depth[p] != ring) {
                    continue;
                }
                int best = -1;
                long bestDistance = Long.MAX_VALUE;
                int x = p % width;
                int y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int qx = x + dx;
                        int qy = y + dy;
                        if ((dx == 0 && dy == 0) || qx < 0 || qy < 0 || qx >= width || qy >= height) {
                            continue;
                        }
                        int m = match[qx + qy * width];
                        if (m < 0) {
                            continue;
                        }
                        int sx = m % width - dx;
                        int sy = m / width - dy;
                        if (sx < 0 || sy < 0 || sx >= width || sy >= height || !isSource[sx + sy * width]) {
                            continue;
                        }
                        long d = distance(p, sx + sy * width, known);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = sx + sy * width;
                        }
                    }
                }
                for (int k = 0; k < RANDOM_CANDIDATES; k++) {
                    int s = sources[random.nextInt(sources.length)];
                    long d = distance(p, s, known);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = s;
                    }
                }
                for (int reach = Math.max(width, height) / 2; reach >= 1; reach /= 2) {
                    int sx = clamp(best % width + random.nextInt(-reach, reach + 1), 0, width - 1);
                    int sy = clamp(best / width + random.nextInt(-reach, reach + 1), 0, height - 1);
                    int s = sx + sy * width;
                    if (isSource[s]) {
                        long d = distance(p, s, known);
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = s;
                        }
                    }
                }
                for (int[] plane : planes) {
                    plane[p] = plane[best];
                }
                match[p] = best;
                known[p] = true;
            }
        }
        return match;
    }

    /** Mean squared difference over the patch pixels around {@code p} that are known, scaled by 256. */
    private long distance(int p, int s, boolean[] known) {
        int px = p % width;
        int py = p / width;
        long sum = 0;
        int count = 0;
        int[] red = image.red;
        int[] green = image.green;
        int[] blue = image.blue;
        int[] textureX = image.textureX;
        int[] textureY = image.textureY;
        for (int dy = -radius; dy <= radius; dy++) {
            int y = py + dy;
            if (y < 0 || y >= height) {
                continue;
            }
            for (int dx = -radius; dx <= radius; dx++) {
                int x = px + dx;
                if (x < 0 || x >= width) {
                    continue;
                }
                int a = x + y * width;
                if (!known[a]) {
                    continue;
                }
                int b = s + dx + dy * width;
                int dr = red[a] - red[b];
                int dg = green[a] - green[b];
                int db = blue[a] - blue[b];
                int dtx = textureX[a] - textureX[b];
                int dty = textureY[a] - textureY[b];
                sum += dr * dr + dg * dg + db * db + PatchField.TEXTURE_WEIGHT * (dtx * dtx + dty * dty);
                count++;
            }
        }
        return count == 0 ? Long.MAX_VALUE : sum * 256 / count;
    }

    private static int clamp(int v, int lo, int hi) {
        return v < lo ? lo : Math.min(v, hi);
    }
}
