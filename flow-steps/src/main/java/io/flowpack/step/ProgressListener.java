package io.flowpack.step;

/** Receives progress of long work: a fraction in [0, 1] and a short message. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (step, fraction, message) -> { };

    void progress(String step, double fraction, String message);
}
