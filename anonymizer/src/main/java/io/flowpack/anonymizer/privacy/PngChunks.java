package io.flowpack.anonymizer.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** Reads and writes PNG chunks ({@code length, type, data, CRC over type and data}). */
final class PngChunks {
    static final int SIGNATURE_LENGTH = 8;

    /** One chunk: its type, where the chunk starts, and where its data starts. */
    record Chunk(String type, int start, int data, int length) {
        int end() {
            return data + length + 4;
        }

        int storedCrc(byte[] png) {
            return readInt(png, data + length);
        }
    }

    private PngChunks() {
    }

    /** The chunks in order; stops quietly at a length that runs past the end. */
    static List<Chunk> read(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        int at = SIGNATURE_LENGTH;
        while (at + 12 <= png.length) {
            long length = readInt(png, at) & 0xFFFFFFFFL;
            if (at + 12 + length > png.length) {
                break;
            }
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            chunks.add(new Chunk(type, at, at + 8, (int) length));
            at += 12 + (int) length;
            if (type.equals("IEND")) {
                break;
            }
        }
        return chunks;
    }

    /** The CRC-32 a chunk of this type and data must carry. */
    static int crc(byte[] type, byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }

    static boolean crcValid(byte[] png, Chunk chunk) {
        return crc(chunk.type().getBytes(StandardCharsets.ISO_8859_1), png, chunk.data(), chunk.length()) == chunk.storedCrc(png);
    }

    /** A complete chunk: length, type, data, CRC. */
    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
        writeInt(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        writeInt(out, crc(typeBytes, data, 0, data.length));
        return out.toByteArray();
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
