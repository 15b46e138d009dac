package io.flowpack.step;

/** A step could not do its work; the message is the reason shown to users and written to the audit. */
public class StepException extends Exception {

    public StepException(String message) {
        super(message);
    }

    public StepException(String message, Throwable cause) {
        super(message, cause);
    }
}
