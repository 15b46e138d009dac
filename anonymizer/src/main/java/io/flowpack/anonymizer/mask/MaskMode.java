package io.flowpack.anonymizer.mask;

import java.util.Locale;

/** What a mask supplied with the document (from a human review) does to the automatic one. */
public enum MaskMode {
    /** The supplied mask is the mask; detections are not masked. */
    REPLACE,
    /** The supplied mask is added to the automatic one (the brighter of the two wins). */
    EXTEND;

    /** {@code replace} or {@code extend}, any case. */
    public static MaskMode parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mask mode must be 'replace' or 'extend', got '" + value + "'");
        }
    }
}
