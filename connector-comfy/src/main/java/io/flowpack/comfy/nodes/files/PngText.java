package io.flowpack.comfy.nodes.files;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * PNG chunks and text chunks, as ComfyUI writes the prompt and workflow into saved images: {@code tEXt} for Latin-1
 * text, {@code iTXt} (UTF-8, uncompressed) otherwise — the choice PIL's {@code PngInfo.add_text} makes — and
 * reading them back.
 */
public final class PngText {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngText() {
    }

    /** The {@code tEXt} and {@code iTXt} chunks of a PNG, keyword to text, in file order. */
    public static Map<String, String> read(byte[] png) {
        checkSignature(png);
        Map<String, String> texts = new LinkedHashMap<>();
        int pos = SIGNATURE.length;
        while (pos + 12 <= png.length) {
            int length = readInt(png, pos);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int data = pos + 8;
            if (length < 0 || data + length + 4 > png.length) {
                throw new IllegalArgumentException("PNG chunk '" + type + "' at byte " + pos + " is truncated");
            }
            if (type.equals("tEXt") || type.equals("iTXt")) {
                int zero = indexOf(png, data, data + length);
                String keyword = new String(png, data, zero - data, StandardCharsets.ISO_8859_1);
                if (type.equals("tEXt")) {
                    texts.put(keyword, new String(png, zero + 1, data + length - zero - 1,
                            StandardCharsets.ISO_8859_1));
                } else {
                    int language = zero + 3;
                    int languageEnd = indexOf(png, language, data + length);
                    int translatedEnd = indexOf(png, languageEnd + 1, data + length);
                    texts.put(keyword, new String(png, translatedEnd + 1, data + length - translatedEnd - 1,
                            StandardCharsets.UTF_8));
                }
            }
            if (type.equals("IEND")) {
                break;
            }
            pos = data + length + 4;
        }
        return texts;
    }

    /** One {@code tEXt} chunk, or {@code iTXt} (UTF-8, uncompressed) when the text is not Latin-1. */
    static void writeText(ByteArrayOutputStream out, String keyword, String text) {
        byte[] key = keyword.getBytes(StandardCharsets.ISO_8859_1);
        if (key.length < 1 || key.length > 79 || !StandardCharsets.ISO_8859_1.newEncoder().canEncode(keyword)) {
            throw new IllegalArgumentException("PNG text keyword must be 1 to 79 Latin-1 characters: '" + keyword + "'");
        }
        boolean latin1 = StandardCharsets.ISO_8859_1.newEncoder().canEncode(text);
        ByteArrayOutputStream data = new ByteArrayOutputStream(key.length + text.length() + 8);
        data.writeBytes(key);
        data.write(0);
        if (latin1) {
            data.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            data.write(0); // not compressed
            data.write(0); // compression method
            data.write(0); // empty language tag
            data.write(0); // empty translated keyword
            data.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        writeChunk(out, latin1 ? "tEXt" : "iTXt", data.toByteArray());
    }

    /** One chunk: length, type, body, CRC of type and body. */
    static void writeChunk(ByteArrayOutputStream out, String chunkType, byte[] body) {
        byte[] type = chunkType.getBytes(StandardCharsets.ISO_8859_1);
        writeInt(out, body.length);
        out.writeBytes(type);
        out.writeBytes(body);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(body);
        writeInt(out, (int) crc.getValue());
    }

    private static void checkSignature(byte[] png) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (i >= png.length || png[i] != SIGNATURE[i]) {
                throw new IllegalArgumentException("not a PNG file");
            }
        }
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("PNG text chunk without a keyword terminator");
    }

    private static int readInt(byte[] b, int pos) {
        return (b[pos] & 0xff) << 24 | (b[pos + 1] & 0xff) << 16 | (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
