package io.flowpack.anonymizer.audit;

/** Milliseconds spent in each phase of anonymizing one picture. */
public record PhaseTimings(long decodeMillis, long detectMillis, long maskMillis, long inpaintMillis,
                           long encodeMillis) {

    public long totalMillis() {
        return decodeMillis + detectMillis + maskMillis + inpaintMillis + encodeMillis;
    }
}
