package io.flowpack.imaging;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/** Words for what went wrong, as a user should read them in a dead-letter reason. */
final class DecodeFailures {

    private DecodeFailures() {
    }

    /**
     * "image data is truncated (…)" when the data ended early (per the caller's evidence or an EOFException),
     * otherwise "{@code otherwise} (…)", with the reader's own words in the brackets.
     */
    static ImageDecodeException of(ImageFormat format, String otherwise, boolean truncated, Throwable cause) {
        boolean endedEarly = truncated || causedBy(cause, EOFException.class);
        return new ImageDecodeException((endedEarly ? "image data is truncated" : otherwise) + " (" + detail(format, cause) + ")", cause);
    }

    /** The first bytes as text when they look like text, otherwise as hex. */
    static String describe(byte[] head) {
        int length = Math.min(head.length, 16);
        int printable = 0;
        for (int i = 0; i < length; i++) {
            int b = head[i] & 0xFF;
            if ((b >= 0x20 && b < 0x7F) || b == '\n' || b == '\r' || b == '\t') {
                printable++;
            }
        }
        if (length > 0 && printable == length) {
            String text = new String(head, 0, length, StandardCharsets.US_ASCII)
                    .replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
            return "\"" + text + "\" (text)";
        }
        return HexFormat.ofDelimiter(" ").formatHex(head, 0, length).toUpperCase(Locale.ROOT);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The innermost I/O message, which usually names the actual problem ("Invalid chunk length 1400"); a decoder's
     * own bug (ClassCastException, index out of bounds...) is named by its type only.
     */
    private static String detail(ImageFormat format, Throwable error) {
        Throwable innermost = error;
        String ioMessage = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            innermost = t;
            if (t instanceof IOException && t.getMessage() != null && !t.getMessage().isBlank()) {
                ioMessage = t.getMessage();
            }
        }
        if (innermost instanceof RuntimeException || ioMessage == null) {
            return innermost instanceof EOFException ? "unexpected end of data"
                    : "the " + format + " decoder failed with " + innermost.getClass().getSimpleName();
        }
        return ioMessage;
    }
}
