package io.flowpack.anonymizer.audit;

import io.flowpack.anonymizer.mask.PersonMask;

/** The share of a picture a mask removes, soft edges weighted by their value. */
public final class MaskArea {

    private MaskArea() {
    }

    /** 0..100. */
    public static double percent(PersonMask mask) {
        long sum = 0;
        for (byte value : mask.alpha()) {
            sum += value & 0xFF;
        }
        long pixels = (long) mask.width() * mask.height();
        return pixels == 0 ? 0 : 100.0 * sum / (255.0 * pixels);
    }
}
