package io.flowpack.imaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/** Positioned reads of a few header bytes, for the small parsers that ImageIO does not cover. */
final class FileBytes {

    private FileBytes() {
    }

    /** {@code length} bytes at {@code position}, big-endian, or null when the file ends before them. */
    static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || length < 0 || position + length > channel.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }

    /** Up to {@code length} bytes from the start of the file. */
    static byte[] head(FileChannel channel, int length) throws IOException {
        ByteBuffer head = read(channel, 0, (int) Math.min(length, channel.size()));
        byte[] bytes = new byte[head.remaining()];
        head.get(bytes);
        return bytes;
    }

    /** Whether the file ends the way a complete file of this format ends (PNG: IEND chunk, JPEG: EOI, GIF: trailer). */
    static boolean endsComplete(FileChannel channel, ImageFormat format) throws IOException {
        long size = channel.size();
        return switch (format) {
            case PNG -> {
                ByteBuffer tail = read(channel, size - 8, 8);
                yield tail != null && tail.getInt(0) == 0x49454E44;          // "IEND" + CRC
            }
            case JPEG -> {
                ByteBuffer tail = read(channel, size - 2, 2);
                yield tail != null && (tail.getShort(0) & 0xFFFF) == 0xFFD9;  // EOI
            }
            case GIF -> {
                ByteBuffer tail = read(channel, size - 1, 1);
                yield tail != null && tail.get(0) == 0x3B;                    // trailer
            }
            default -> true;
        };
    }
}
