package io.flowpack.deploy.job;

/**
 * How far one step of a job's route got.
 *
 * @param step           the step's name, e.g. {@code upscale}
 * @param progress       0 to 1 over all input documents
 * @param message        the step's last progress message
 * @param durationMillis time spent in the step so far, summed over the documents
 */
public record StepProgress(String step, double progress, String message, StepState state, long durationMillis) {

    static StepProgress pending(String step) {
        return new StepProgress(step, 0, null, StepState.PENDING, 0);
    }
}
