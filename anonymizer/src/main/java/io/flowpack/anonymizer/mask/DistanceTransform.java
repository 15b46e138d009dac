package io.flowpack.anonymizer.mask;

/**
 * Exact squared Euclidean distance to the nearest set pixel (Felzenszwalb and Huttenlocher, "Distance Transforms
 * of Sampled Functions"): one lower-envelope pass down each column, then along each row; linear in the pixels.
 */
public final class DistanceTransform {
    private static final float FAR = 1e20f;

    private DistanceTransform() {
    }

    /**
     * @param set    which pixels are set, {@code width × height}, row by row
     * @return the squared distance of every pixel to the nearest set pixel ({@code 1e20} when none is set)
     */
    public static float[] squared(boolean[] set, int width, int height) {
        float[] d = new float[width * height];
        for (int i = 0; i < d.length; i++) {
            d[i] = set[i] ? 0 : FAR;
        }
        int n = Math.max(width, height);
        float[] line = new float[n];
        float[] out = new float[n];
        int[] v = new int[n];
        float[] z = new float[n + 1];
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                line[y] = d[y * width + x];
            }
            envelope(line, height, out, v, z);
            for (int y = 0; y < height; y++) {
                d[y * width + x] = out[y];
            }
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(d, y * width, line, 0, width);
            envelope(line, width, out, v, z);
            System.arraycopy(out, 0, d, y * width, width);
        }
        return d;
    }

    /** The 1-D transform of {@code f[0..n)}: {@code out[q] = min_p (q − p)² + f[p]}. */
    private static void envelope(float[] f, int n, float[] out, int[] v, float[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Float.NEGATIVE_INFINITY;
        z[1] = Float.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            float s = intersect(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersect(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Float.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            float dq = q - v[k];
            out[q] = dq * dq + f[v[k]];
        }
    }

    private static float intersect(float[] f, int q, int p) {
        return ((f[q] + (float) q * q) - (f[p] + (float) p * p)) / (2f * q - 2f * p);
    }
}
