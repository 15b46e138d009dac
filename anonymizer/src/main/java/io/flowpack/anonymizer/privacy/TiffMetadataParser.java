package io.flowpack.anonymizer.privacy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks the IFDs of a TIFF structure: an EXIF block (from a JPEG APP1 or a PNG eXIf chunk) or a whole TIFF file.
 * Malformed offsets end the walk of that directory quietly: a scrub must not fail on the metadata it throws away.
 */
final class TiffMetadataParser {
    private static final int MAX_ENTRIES = 4096;

    private final ByteBuffer data;
    private final MetadataCollector out;
    private final boolean wholeTiffFile;
    private final Set<Integer> visited = new HashSet<>();
    private boolean big;                                         // BigTIFF: 8-byte counts and offsets

    private TiffMetadataParser(byte[] bytes, int offset, int length, MetadataCollector out, boolean wholeTiffFile) {
        this.data = ByteBuffer.wrap(bytes, offset, length).slice();
        this.out = out;
        this.wholeTiffFile = wholeTiffFile;
    }

    /** An EXIF block: IFD0, its Exif and GPS IFDs, and IFD1 (the thumbnail). */
    static void parseExif(byte[] bytes, int offset, int length, MetadataCollector out) {
        new TiffMetadataParser(bytes, offset, length, out, false).parse();
    }

    /** A TIFF file: the metadata tags of its first page; the image structure tags are skipped. */
    static void parseTiffFile(byte[] bytes, MetadataCollector out) {
        new TiffMetadataParser(bytes, 0, bytes.length, out, true).parse();
    }

    private void parse() {
        if (data.remaining() < 8) {
            return;
        }
        byte first = data.get(0);
        if (first == 'I' && data.get(1) == 'I') {
            data.order(ByteOrder.LITTLE_ENDIAN);
        } else if (first != 'M' || data.get(1) != 'M') {
            return;
        }
        int version = data.getShort(2) & 0xFFFF;
        if (version != 42 && version != 43) {
            return;
        }
        big = version == 43;
        int next = readIfd(big ? offset(8) : data.getInt(4), "IFD0");
        if (!wholeTiffFile && !big && next > 0) {
            readThumbnailIfd(next);
        }
    }

    /** Reads one IFD's tags into the collector; returns the offset of the next IFD, 0 if none. */
    private int readIfd(int offset, String ifd) {
        if (!valid(offset, 2) || !visited.add(offset)) {
            return 0;
        }
        if (big && !valid(offset, 8)) {
            return 0;
        }
        long count = big ? data.getLong(offset) : data.getShort(offset) & 0xFFFF;
        int entries = offset + (big ? 8 : 2);
        int entrySize = big ? 20 : 12;
        if (count < 0 || count > MAX_ENTRIES || !valid(entries, (int) count * entrySize + (big ? 8 : 4))) {
            return 0;
        }
        for (int i = 0; i < count; i++) {
            readEntry(entries + i * entrySize, ifd);
        }
        return big ? offset(entries + (int) count * entrySize) : data.getInt(entries + (int) count * entrySize);
    }

    private void readEntry(int at, String ifd) {
        int tag = data.getShort(at) & 0xFFFF;
        int type = data.getShort(at + 2) & 0xFFFF;
        long longCount = big ? data.getLong(at + 4) : data.getInt(at + 4) & 0xFFFFFFFFL;
        int count = longCount > Integer.MAX_VALUE ? -1 : (int) longCount;
        int valueField = at + (big ? 12 : 8);
        if (!"GPS".equals(ifd)) {
            switch (tag) {
                case ExifTags.EXIF_IFD -> {
                    readIfd(big ? offset(valueField) : data.getInt(valueField), "ExifIFD");
                    return;
                }
                case ExifTags.GPS_IFD -> {
                    readIfd(big ? offset(valueField) : data.getInt(valueField), "GPS");
                    return;
                }
                case ExifTags.SUB_IFDS -> {
                    out.field(ifd, "SubIFDs", PrivacyCategory.EMBEDDED_IMAGE);   // DNG and TIFF previews
                    return;
                }
                default -> {
                    if (ExifTags.STRUCTURAL.contains(tag) && (wholeTiffFile || tag == ExifTags.INTEROP_IFD)) {
                        return;
                    }
                }
            }
        }
        byte[] value = value(valueField, type, count);
        if (value == null) {
            out.field(ifd, ExifTags.name(ifd, tag), ExifTags.category(ifd, tag));
            return;
        }
        if (!"GPS".equals(ifd) && (tag == ExifTags.XMP || tag == ExifTags.IPTC || tag == ExifTags.PHOTOSHOP)) {
            if (tag == ExifTags.XMP) {                             // containers: their contents are the fields
                XmpProperties.collect(value, out);
            } else if (tag == ExifTags.IPTC) {
                IptcRecords.collect(value, 0, value.length, out);
            } else {
                PhotoshopResources.collect(value, 0, value.length, out);
            }
            return;
        }
        byte[] bigEndian = TiffTypes.convert(value, type, data.order(), ByteOrder.BIG_ENDIAN);
        out.exif(new ExifEntry(ifd, tag, ExifTags.name(ifd, tag), type, count, bigEndian));
    }

    /** IFD1 of an EXIF block holds the thumbnail; everything there is reported as that one embedded image. */
    private void readThumbnailIfd(int offset) {
        if (!valid(offset, 2)) {
            return;
        }
        int count = data.getShort(offset) & 0xFFFF;
        if (count > MAX_ENTRIES || !valid(offset + 2, count * 12)) {
            return;
        }
        for (int i = 0; i < count; i++) {
            int tag = data.getShort(offset + 2 + i * 12) & 0xFFFF;
            if (tag == ExifTags.THUMBNAIL_OFFSET || tag == ExifTags.STRIP_OFFSETS) {
                out.field("IFD1", "ThumbnailImage", PrivacyCategory.EMBEDDED_IMAGE);
                return;
            }
        }
    }

    /** The value bytes of an entry in the block's byte order, or null if they lie outside the block. */
    private byte[] value(int valueField, int type, int count) {
        int size = TiffTypes.size(type);
        if (size == 0 || count < 0 || (long) count * size > data.capacity()) {
            return null;
        }
        int length = count * size;
        int inline = big ? 8 : 4;
        int start = length <= inline ? valueField : big ? offset(valueField) : data.getInt(valueField);
        if (!valid(start, length)) {
            return null;
        }
        byte[] value = new byte[length];
        data.get(start, value);
        return value;
    }

    /** A BigTIFF offset, or -1 when it cannot lie in this block. */
    private int offset(int at) {
        if (!valid(at, 8)) {
            return -1;
        }
        long value = data.getLong(at);
        return value < 0 || value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private boolean valid(int offset, int length) {
        return offset >= 0 && length >= 0 && (long) offset + length <= data.capacity();
    }
}
