package io.flowpack.comfy.client;

/** The server could not be reached, or did not answer in time. */
public class ComfyConnectionException extends ComfyException {
    public ComfyConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
