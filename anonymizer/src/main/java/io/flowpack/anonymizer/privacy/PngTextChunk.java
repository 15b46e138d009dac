package io.flowpack.anonymizer.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** A PNG text chunk (tEXt, zTXt, iTXt) decoded to keyword and text bytes. */
record PngTextChunk(String keyword, byte[] text) {
    private static final int MAX_INFLATED = 16 << 20;

    /** Decodes a text chunk's data, or returns null if it is malformed. */
    static PngTextChunk decode(String type, byte[] png, int offset, int length) {
        int end = offset + length;
        int zero = indexOfZero(png, offset, end);
        if (zero < 0) {
            return null;
        }
        String keyword = new String(png, offset, zero - offset, StandardCharsets.ISO_8859_1);
        int at = zero + 1;
        try {
            switch (type) {
                case "tEXt":
                    return new PngTextChunk(keyword, slice(png, at, end));
                case "zTXt":
                    return new PngTextChunk(keyword, inflate(slice(png, at + 1, end)));
                case "iTXt": {
                    boolean compressed = at < end && png[at] == 1;
                    int language = indexOfZero(png, at + 2, end);
                    int translated = language < 0 ? -1 : indexOfZero(png, language + 1, end);
                    if (translated < 0) {
                        return null;
                    }
                    byte[] text = slice(png, translated + 1, end);
                    return new PngTextChunk(keyword, compressed ? inflate(text) : text);
                }
                default:
                    return null;
            }
        } catch (DataFormatException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * The binary profile in an ImageMagick/exiftool "Raw profile type …" text: a blank line, the profile name,
     * the byte count, then hex digits. Null if the text is not in that form.
     */
    byte[] rawProfile() {
        String body = new String(text, StandardCharsets.ISO_8859_1).trim();
        String[] lines = body.split("\\s*\n\\s*", 3);
        if (lines.length < 3) {
            return null;
        }
        int size;
        try {
            size = Integer.parseInt(lines[1].trim());
        } catch (NumberFormatException e) {
            return null;
        }
        String hex = lines[2].replaceAll("\\s", "");
        if (size < 0 || hex.length() < size * 2) {
            return null;
        }
        byte[] profile = new byte[size];
        for (int i = 0; i < size; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            profile[i] = (byte) (high << 4 | low);
        }
        return profile;
    }

    String rawProfileType() {
        String lower = keyword.toLowerCase(Locale.ROOT);
        return lower.startsWith("raw profile type ") ? lower.substring("raw profile type ".length()) : null;
    }

    private static int indexOfZero(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] b, int from, int end) {
        byte[] out = new byte[Math.max(0, end - from)];
        System.arraycopy(b, from, out, 0, out.length);
        return out;
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new DataFormatException("text chunk inflates beyond " + MAX_INFLATED + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
