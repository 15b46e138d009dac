package io.flowpack.generate;

/** A generation that cannot run: no or a broken model, a size the model refuses, a backend failure. */
public class GenerationException extends RuntimeException {
    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}
