package io.flowpack.step;

/** A parameter is unknown, of the wrong type or out of range; the message names the step and the parameter. */
public class ParameterException extends IllegalArgumentException {

    public ParameterException(String message) {
        super(message);
    }
}
