package io.flowpack.imaging;

import java.io.IOException;

/** An image could not be read; the message is the reason as a user should see it, e.g. "file is empty". */
public class ImageDecodeException extends IOException {

    public ImageDecodeException(String message) {
        super(message);
    }

    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
