package io.flowpack.model.tfjs;

/** A TensorFlow.js model that cannot be converted: malformed files, or a layer or op outside the supported set. */
public class TfjsImportException extends RuntimeException {
    public TfjsImportException(String message) {
        super(message);
    }

    public TfjsImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
