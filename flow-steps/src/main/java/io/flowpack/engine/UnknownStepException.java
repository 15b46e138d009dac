package io.flowpack.engine;

/** No step of that name is registered; the message lists the known ones. */
public class UnknownStepException extends IllegalArgumentException {

    public UnknownStepException(String message) {
        super(message);
    }
}
