package io.flowpack.comfy.client;

/** The server answered a request with an unexpected HTTP status. */
public class ComfyHttpException extends ComfyException {
    private final int status;

    public ComfyHttpException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
