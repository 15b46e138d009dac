package io.flowpack.comfy.client;

/** Base of every failure the ComfyUI client reports; the message names the server and what went wrong. */
public class ComfyException extends RuntimeException {
    public ComfyException(String message) {
        super(message);
    }

    public ComfyException(String message, Throwable cause) {
        super(message, cause);
    }
}
