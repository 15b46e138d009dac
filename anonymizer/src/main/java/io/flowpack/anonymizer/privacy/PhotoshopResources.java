package io.flowpack.anonymizer.privacy;

import java.nio.charset.StandardCharsets;

/** Walks Photoshop image resource blocks ({@code 8BIM}): the IPTC block and the preview thumbnails live there. */
final class PhotoshopResources {
    private static final int IPTC = 0x0404;
    private static final int THUMBNAIL_OLD = 0x0409;
    private static final int THUMBNAIL = 0x040C;

    private PhotoshopResources() {
    }

    static void collect(byte[] data, int offset, int length, MetadataCollector out) {
        int at = offset;
        int end = Math.min(data.length, offset + length);
        while (at + 12 <= end && "8BIM".equals(new String(data, at, 4, StandardCharsets.ISO_8859_1))) {
            int id = u16(data, at + 4);
            int nameLength = data[at + 6] & 0xFF;
            int nameField = (nameLength + 2) & ~1;                // Pascal string padded to even length
            int sizeAt = at + 6 + nameField;
            if (sizeAt + 4 > end) {
                return;
            }
            long size = u32(data, sizeAt);
            int start = sizeAt + 4;
            if (size < 0 || start + size > end) {
                return;
            }
            if (id == IPTC) {
                IptcRecords.collect(data, start, (int) size, out);
            } else if (id == THUMBNAIL || id == THUMBNAIL_OLD) {
                out.field("Photoshop", "ThumbnailImage", PrivacyCategory.EMBEDDED_IMAGE);
            } else {
                out.field("Photoshop", String.format("Resource0x%04X", id), PrivacyCategory.OTHER);
            }
            at = start + (int) ((size + 1) & ~1L);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }
}
