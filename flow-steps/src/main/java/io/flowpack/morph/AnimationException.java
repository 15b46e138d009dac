package io.flowpack.morph;

/** An {@link AnimationBackend} could not make the frames; the message says why. */
public class AnimationException extends RuntimeException {

    public AnimationException(String message) {
        super(message);
    }

    public AnimationException(String message, Throwable cause) {
        super(message, cause);
    }
}
