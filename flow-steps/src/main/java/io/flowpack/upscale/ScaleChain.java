package io.flowpack.upscale;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which model scales to run one after the other to reach a ratio: the combination of at most {@value #MAX_STAGES}
 * models whose product is the smallest at or above the ratio (fewer stages on a tie), smallest scale first so the
 * costlier later stages see as few pixels as possible. ×2, ×3, ×4 models give ×8 as ×2 then ×4, ×1.5 as ×2.
 * No chain may enlarge by more than {@code maxProduct} (the intermediate image must stay within the image limit);
 * when no chain reaches the ratio under that, the largest one that fits is taken. Whatever is left (a product above
 * the ratio, or below it) is Lanczos' part.
 */
final class ScaleChain {
    static final int MAX_STAGES = 4;

    private ScaleChain() {
    }

    /** The scales to run, ascending; empty when the ratio is at most 1 (nothing for a model to enlarge). */
    static List<Integer> plan(Collection<Integer> available, double ratio, long maxProduct) {
        if (available.isEmpty()) {
            throw new IllegalArgumentException("no model scales to choose from");
        }
        if (ratio <= 1 + 1e-9) {
            return List.of();
        }
        List<Integer> scales = new ArrayList<>(new TreeSet<>(available));
        List<Integer> reaching = List.of();
        List<Integer> largest = List.of();
        List<List<Integer>> frontier = List.of(List.of());
        for (int stages = 1; stages <= MAX_STAGES; stages++) {
            List<List<Integer>> next = new ArrayList<>();
            for (List<Integer> chain : frontier) {
                int from = chain.isEmpty() ? 0 : scales.indexOf(chain.get(chain.size() - 1));
                for (int s = from; s < scales.size(); s++) {
                    List<Integer> longer = new ArrayList<>(chain);
                    longer.add(scales.get(s));
                    long product = product(longer);
                    if (product > maxProduct) {
                        continue;
                    }
                    if (product >= ratio - 1e-9) {
                        if (reaching.isEmpty() || product < product(reaching)) {
                            reaching = longer;
                        }
                    } else {
                        next.add(longer);
                        if (product > product(largest)) {
                            largest = longer;
                        }
                    }
                }
            }
            frontier = next;
        }
        return List.copyOf(reaching.isEmpty() ? largest : reaching);
    }

    static long product(List<Integer> chain) {
        long product = 1;
        for (int scale : chain) {
            product *= scale;
        }
        return product;
    }
}
