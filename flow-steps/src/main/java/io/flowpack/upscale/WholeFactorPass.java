package io.flowpack.upscale;

import java.util.Arrays;

/**
 * The horizontal pass for a whole-number factor {@code f} (2×, 3×, …): output pixel {@code f·i + p} has the
 * same weights for every {@code i}, on the source pixels {@code i + offset[p] + k}. So for each phase
 * {@code p} and tap {@code k} the sum is one element-wise loop over {@code i} that the JIT vectorises.
 * Pixels near the borders, where taps are cut off, are summed one by one.
 */
final class WholeFactorPass implements HorizontalPass {
    private final int[] in;
    private final int srcWidth;
    private final Contributors xs;
    private final int factor;
    private final boolean alpha;
    private final int shift;
    /** Per phase: the first tap's distance from {@code i}, the weights, and the range of {@code i} they fit. */
    private final int[] offset;
    private final int[][] phaseWeights;
    private final int[] from;
    private final int[] to;
    /** Output pixels outside every phase's range. */
    private final int[] borders;
    private final int[][] line;
    /** Scratch: per phase the sums of its range, and one tap's source run. */
    private final int[][] acc;
    private final int[] shifted;

    WholeFactorPass(int[] in, int srcWidth, Contributors xs, int factor, boolean alpha) {
        this.in = in;
        this.srcWidth = srcWidth;
        this.xs = xs;
        this.factor = factor;
        this.alpha = alpha;
        this.shift = alpha ? ALPHA_SHIFT : OPAQUE_SHIFT;
        this.offset = new int[factor];
        this.phaseWeights = new int[factor][];
        this.from = new int[factor];
        this.to = new int[factor];
        int[] border = new int[srcWidth * factor];
        int borderCount = 0;
        int mid = srcWidth / 2;
        for (int p = 0; p < factor; p++) {
            int x = factor * mid + p;
            offset[p] = xs.start[x] - mid;
            phaseWeights[p] = Arrays.copyOfRange(xs.weights, x * xs.stride, x * xs.stride + xs.count[x]);
            int lo = mid;
            while (lo > 0 && fits(p, lo - 1)) {
                lo--;
            }
            int hi = mid + 1;
            while (hi < srcWidth && fits(p, hi)) {
                hi++;
            }
            from[p] = lo;
            to[p] = hi;
            for (int i = 0; i < srcWidth; i++) {
                if (i < lo || i >= hi) {
                    border[borderCount++] = factor * i + p;
                }
            }
        }
        this.borders = Arrays.copyOf(border, borderCount);
        int channels = alpha ? 4 : 3;
        this.line = new int[channels][srcWidth];
        this.acc = new int[factor][srcWidth];
        this.shifted = new int[srcWidth];
    }

    /** Whether output pixel {@code factor·i + p} uses the phase's weights at the phase's offset. */
    private boolean fits(int p, int i) {
        int x = factor * i + p;
        int w = x * xs.stride;
        return xs.start[x] - i == offset[p] && xs.count[x] == phaseWeights[p].length
                && Arrays.equals(xs.weights, w, w + xs.count[x], phaseWeights[p], 0, phaseWeights[p].length);
    }

    @Override
    public void filter(int row, int[][] dst) {
        unpack(row);
        int half = 1 << (shift - 1);
        for (int c = 0; c < line.length; c++) {
            int[] source = line[c];
            int[] target = dst[c];
            for (int p = 0; p < factor; p++) {
                phase(source, p, half);
            }
            interleave(target);
            for (int x : borders) {
                int s = xs.start[x];
                int w = x * xs.stride;
                int sum = half;
                for (int k = 0; k < xs.count[x]; k++) {
                    sum += xs.weights[w + k] * source[s + k];
                }
                target[x] = sum >> shift;
            }
        }
    }

    /**
     * Sums phase {@code p} into {@code acc[p]}. Each tap's source run is first copied to {@code shifted}, so
     * that the loop reads and writes at the same index: the form the JIT vectorises.
     */
    private void phase(int[] source, int p, int half) {
        int lo = from[p];
        int n = to[p] - lo;
        int[] weights = phaseWeights[p];
        int[] sum = acc[p];
        int first = lo + offset[p];
        System.arraycopy(source, first, shifted, 0, n);
        int w0 = weights[0];
        for (int i = 0; i < n; i++) {
            sum[i] = half + w0 * shifted[i];
        }
        for (int k = 1; k < weights.length; k++) {
            System.arraycopy(source, first + k, shifted, 0, n);
            int wk = weights[k];
            for (int i = 0; i < n; i++) {
                sum[i] += wk * shifted[i];
            }
        }
    }

    /** Interleaves the phases' sums into the row: output {@code f·i + p} from {@code acc[p][i - from[p]]}. */
    private void interleave(int[] target) {
        if (factor == 2 && from[0] == from[1] && to[0] == to[1]) {
            int[] even = acc[0];
            int[] odd = acc[1];
            int lo = from[0];
            int n = to[0] - lo;
            for (int i = 0, x = 2 * lo; i < n; i++, x += 2) {
                target[x] = even[i] >> shift;
                target[x + 1] = odd[i] >> shift;
            }
            return;
        }
        for (int p = 0; p < factor; p++) {
            int[] sum = acc[p];
            int n = to[p] - from[p];
            for (int i = 0, x = factor * from[p] + p; i < n; i++, x += factor) {
                target[x] = sum[i] >> shift;
            }
        }
    }

    /** The source row as one int array per channel, premultiplied with alpha. */
    private void unpack(int row) {
        int base = row * srcWidth;
        int[] red = line[0];
        int[] green = line[1];
        int[] blue = line[2];
        if (!alpha) {
            for (int x = 0; x < srcWidth; x++) {
                int v = in[base + x];
                red[x] = (v >> 16) & 0xff;
                green[x] = (v >> 8) & 0xff;
                blue[x] = v & 0xff;
            }
            return;
        }
        int[] alphas = line[3];
        for (int x = 0; x < srcWidth; x++) {
            int v = in[base + x];
            int a = v >>> 24;
            red[x] = ((v >> 16) & 0xff) * a;
            green[x] = ((v >> 8) & 0xff) * a;
            blue[x] = (v & 0xff) * a;
            alphas[x] = a * 255;
        }
    }
}
