package io.flowpack.upscale;

/**
 * The precomputed Lanczos-3 taps of one axis: for each output index the first source index, the number of
 * taps and their weights as fixed-point integers summing to exactly {@code 1 << WEIGHT_BITS} (so a flat
 * image stays flat). Pixel centres are at {@code i + 0.5}, as in ImageMagick and Pillow; taps outside the
 * image are dropped and the rest renormalised. For downscaling the kernel is widened by the scale factor so
 * it averages instead of aliasing.
 */
final class Contributors {
    static final int LOBES = 3;
    static final int WEIGHT_BITS = 14;

    /** First source index per output index. */
    final int[] start;
    /** Number of taps per output index (at most {@link #stride}). */
    final int[] count;
    /** Weights, {@code stride} per output index, zero-padded. */
    final int[] weights;
    final int stride;

    private Contributors(int[] start, int[] count, int[] weights, int stride) {
        this.start = start;
        this.count = count;
        this.weights = weights;
        this.stride = stride;
    }

    static Contributors of(int sourceSize, int targetSize) {
        double scale = (double) targetSize / sourceSize;
        double widen = Math.max(1.0, 1.0 / scale);
        double support = LOBES * widen;
        // no output pixel has more taps than the source has pixels (matters for extreme shrinking)
        int stride = Math.min((int) Math.ceil(2 * support) + 1, sourceSize);
        int[] start = new int[targetSize];
        int[] count = new int[targetSize];
        int[] weights = new int[targetSize * stride];
        double[] w = new double[stride];
        for (int i = 0; i < targetSize; i++) {
            double centre = (i + 0.5) / scale;
            int first = Math.max(0, (int) Math.floor(centre - support + 0.5));
            int end = Math.min(sourceSize, (int) Math.floor(centre + support + 0.5));
            int n = Math.min(stride, end - first);
            double sum = 0;
            for (int k = 0; k < n; k++) {
                w[k] = lanczos((first + k + 0.5 - centre) / widen);
                sum += w[k];
            }
            if (n <= 0 || Math.abs(sum) < 1e-9) {
                // degenerate (a 1-pixel source): take the nearest pixel
                first = Math.min(sourceSize - 1, Math.max(0, (int) centre));
                n = 1;
                w[0] = sum = 1;
            }
            start[i] = first;
            count[i] = n;
            quantise(w, n, sum, weights, i * stride);
        }
        return new Contributors(start, count, weights, stride);
    }

    /** Rounds the normalised weights to fixed point and gives the rounding rest to the largest one. */
    private static void quantise(double[] w, int n, double sum, int[] target, int offset) {
        int one = 1 << WEIGHT_BITS;
        int total = 0;
        int largest = 0;
        for (int k = 0; k < n; k++) {
            int q = (int) Math.round(w[k] / sum * one);
            target[offset + k] = q;
            total += q;
            if (Math.abs(w[k]) > Math.abs(w[largest])) {
                largest = k;
            }
        }
        target[offset + largest] += one - total;
    }

    static double lanczos(double x) {
        if (x == 0) {
            return 1;
        }
        if (x <= -LOBES || x >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }
}
