package io.flowpack.imaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Reads the EXIF orientation (1 to 8, 1 = as stored) from a JPEG's APP1 Exif segment or from each TIFF page's
 * tag 274. Anything unreadable counts as 1: a wrong orientation tag must never make a good image fail.
 */
final class ExifOrientation {
    static final int AS_STORED = 1;
    private static final int ORIENTATION_TAG = 0x0112;
    private static final int MAX_IFD_ENTRIES = 4096;

    private ExifOrientation() {
    }

    /** The orientation in the first APP1 Exif segment before the image data. */
    static int ofJpeg(FileChannel channel) throws IOException {
        long position = 2;                                    // after SOI
        ByteBuffer marker;
        while ((marker = FileBytes.read(channel, position, 4)) != null) {
            if ((marker.get(0) & 0xFF) != 0xFF) {
                return AS_STORED;                             // lost the segment chain
            }
            int type = marker.get(1) & 0xFF;
            if (type == 0xFF) {                               // fill byte
                position++;
                continue;
            }
            if (type == 0xDA || type == 0xD9) {               // start of scan or end: no Exif before the pixels
                return AS_STORED;
            }
            if (type == 0x01 || (type >= 0xD0 && type <= 0xD7)) { // markers without a length
                position += 2;
                continue;
            }
            int length = marker.getShort(2) & 0xFFFF;
            if (length < 2) {
                return AS_STORED;
            }
            if (type == 0xE1 && length >= 16 && isExifHeader(FileBytes.read(channel, position + 4, 6))) {
                int[] orientations = ofTiff(channel, position + 10, 1);
                return orientations[0];
            }
            position += 2 + length;
        }
        return AS_STORED;
    }

    /**
     * The orientation of each of the first {@code pages} pages (IFDs) of a TIFF structure starting at {@code base}
     * (0 for a TIFF file, the TIFF header inside an Exif segment otherwise). Classic TIFF and BigTIFF.
     */
    static int[] ofTiff(FileChannel channel, long base, int pages) throws IOException {
        int[] orientations = new int[Math.max(pages, 0)];
        Arrays.fill(orientations, AS_STORED);
        ByteBuffer header = FileBytes.read(channel, base, 16);
        if (header == null || pages <= 0) {
            return orientations;
        }
        if (header.get(0) == 'I' && header.get(1) == 'I') {
            header.order(ByteOrder.LITTLE_ENDIAN);
        } else if (header.get(0) != 'M' || header.get(1) != 'M') {
            return orientations;
        }
        boolean big = header.getShort(2) == 43;
        int countSize = big ? 8 : 2;
        int entrySize = big ? 20 : 12;
        long ifd = big ? header.getLong(8) : header.getInt(4) & 0xFFFFFFFFL;
        for (int page = 0; page < pages && ifd > 0; page++) {
            ByteBuffer count = FileBytes.read(channel, base + ifd, countSize);
            if (count == null) {
                break;
            }
            count.order(header.order());
            long entries = big ? count.getLong(0) : count.getShort(0) & 0xFFFF;
            if (entries < 0 || entries > MAX_IFD_ENTRIES) {
                break;
            }
            int nextOffsetSize = big ? 8 : 4;
            ByteBuffer table = FileBytes.read(channel, base + ifd + countSize, (int) entries * entrySize + nextOffsetSize);
            if (table == null) {
                break;
            }
            table.order(header.order());
            orientations[page] = orientationEntry(table, (int) entries, entrySize);
            int next = (int) entries * entrySize;
            ifd = big ? table.getLong(next) : table.getInt(next) & 0xFFFFFFFFL;
        }
        return orientations;
    }

    private static int orientationEntry(ByteBuffer table, int entries, int entrySize) {
        for (int i = 0; i < entries; i++) {
            int entry = i * entrySize;
            if ((table.getShort(entry) & 0xFFFF) == ORIENTATION_TAG) {
                int fieldType = table.getShort(entry + 2) & 0xFFFF;
                int valueAt = entry + (entrySize == 20 ? 12 : 8);
                int value = fieldType == 4 ? table.getInt(valueAt) : table.getShort(valueAt) & 0xFFFF; // SHORT; some writers use LONG
                return value >= 1 && value <= 8 ? value : AS_STORED;
            }
        }
        return AS_STORED;
    }

    private static boolean isExifHeader(ByteBuffer id) {
        return id != null && id.getInt(0) == 0x45786966 && id.getShort(4) == 0;   // "Exif\0\0"
    }
}
