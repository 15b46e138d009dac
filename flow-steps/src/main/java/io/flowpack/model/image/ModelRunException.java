package io.flowpack.model.image;

/** ONNX Runtime failed while running a model that had loaded; the message names the model and the tile. */
public class ModelRunException extends RuntimeException {

    public ModelRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
