package io.flowpack.model;

/** A model cannot be found or loaded; the message names the model and says what is wrong with it. */
public class ModelLoadException extends RuntimeException {

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }

    static ModelLoadException of(String model, String problem) {
        return new ModelLoadException("model '" + model + "': " + problem);
    }

    static ModelLoadException of(String model, String problem, Throwable cause) {
        return new ModelLoadException("model '" + model + "': " + problem, cause);
    }
}
