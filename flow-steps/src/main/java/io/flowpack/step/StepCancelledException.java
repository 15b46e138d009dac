package io.flowpack.step;

/** The work was cancelled while a step ran. */
public class StepCancelledException extends StepException {

    public StepCancelledException(String step) {
        super("step '" + step + "' was cancelled");
    }
}
