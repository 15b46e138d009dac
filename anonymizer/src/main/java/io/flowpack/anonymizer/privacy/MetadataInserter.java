package io.flowpack.anonymizer.privacy;

import io.flowpack.imaging.ImageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts an XMP packet and an optional EXIF block into a file {@code ImageEncoder} wrote, at the byte level and
 * without touching the image data: JPEG APP1 segments after SOI/JFIF, PNG {@code eXIf} and {@code iTXt} chunks
 * before the first IDAT, TIFF tags 700 (XMP) and the allowed EXIF tags in a rewritten first IFD.
 */
final class MetadataInserter {
    private static final int MAX_SEGMENT_PAYLOAD = 65533;
    private static final int TIFF_XMP_TYPE_BYTE = 1;

    private MetadataInserter() {
    }

    /** @param exif TIFF-structured EXIF block, or null for none; ignored for TIFF, which takes {@code exifEntries} */
    static byte[] insert(byte[] encoded, ImageFormat format, byte[] xmp, byte[] exif, List<ExifEntry> exifEntries) {
        return switch (format) {
            case JPEG -> intoJpeg(encoded, xmp, exif);
            case PNG -> intoPng(encoded, xmp, exif);
            case TIFF -> intoTiff(encoded, xmp, exifEntries);
            default -> throw new IllegalArgumentException(format + " output is not supported; use JPEG, PNG or TIFF");
        };
    }

    private static byte[] intoJpeg(byte[] jpeg, byte[] xmp, byte[] exif) {
        int at = 2;
        List<JpegSegments.Segment> segments = JpegSegments.read(jpeg);
        if (!segments.isEmpty() && segments.get(0).marker() == JpegSegments.APP0) {
            at = segments.get(0).end();                          // after JFIF, as JFIF requires APP0 first
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + xmp.length + 256);
        out.write(jpeg, 0, at);
        if (exif != null) {
            segment(out, JpegSegments.EXIF_ID, exif);
        }
        segment(out, JpegSegments.XMP_ID, xmp);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, String id, byte[] payload) {
        byte[] idBytes = id.getBytes(StandardCharsets.ISO_8859_1);
        int length = idBytes.length + payload.length;
        if (length > MAX_SEGMENT_PAYLOAD) {
            throw new IllegalArgumentException("metadata of " + length + " bytes does not fit in one JPEG segment");
        }
        out.write(0xFF);
        out.write(JpegSegments.APP1);
        out.write((length + 2) >> 8);
        out.write(length + 2);
        out.writeBytes(idBytes);
        out.writeBytes(payload);
    }

    private static byte[] intoPng(byte[] png, byte[] xmp, byte[] exif) {
        int idat = PngChunks.read(png).stream().filter(c -> c.type().equals("IDAT")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("PNG has no IDAT chunk")).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + xmp.length + 256);
        out.write(png, 0, idat);
        if (exif != null) {
            out.writeBytes(PngChunks.chunk("eXIf", exif));
        }
        ByteArrayOutputStream itxt = new ByteArrayOutputStream(xmp.length + 32);
        itxt.writeBytes("XML:com.adobe.xmp".getBytes(StandardCharsets.ISO_8859_1));
        itxt.writeBytes(new byte[] {0, 0, 0, 0, 0});            // keyword end, uncompressed, method, no language, no translation
        itxt.writeBytes(xmp);
        out.writeBytes(PngChunks.chunk("iTXt", itxt.toByteArray()));
        out.write(png, idat, png.length - idat);
        return out.toByteArray();
    }

    /**
     * Appends a new first IFD (the old entries plus the new tags) and its sub-IFDs, and points the header to it.
     * Handles classic TIFF and BigTIFF (which the TIFF writer may produce).
     */
    private static byte[] intoTiff(byte[] tiff, byte[] xmp, List<ExifEntry> exifEntries) {
        ByteBuffer in = ByteBuffer.wrap(tiff);
        ByteOrder order = tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        in.order(order);
        int version = in.getShort(2) & 0xFFFF;
        if (version != 42 && version != 43) {
            throw new IllegalArgumentException("not a TIFF: version " + version);
        }
        boolean big = version == 43;
        int ifd0 = (int) (big ? in.getLong(8) : in.getInt(4));
        int count = (int) (big ? in.getLong(ifd0) : in.getShort(ifd0) & 0xFFFF);
        int entries = ifd0 + (big ? 8 : 2);
        int entrySize = big ? 20 : 12;
        long nextIfd = big ? in.getLong(entries + count * entrySize) : in.getInt(entries + count * entrySize);

        List<IfdWriter.Field> added = new ArrayList<>(ExifBlock.fields(exifEntries, "IFD0", order));
        added.add(new IfdWriter.Field(ExifTags.XMP, TIFF_XMP_TYPE_BYTE, xmp.length, xmp, false));
        List<IfdWriter.Field> exif = ExifBlock.fields(exifEntries, "ExifIFD", order);
        List<IfdWriter.Field> gps = ExifBlock.fields(exifEntries, "GPS", order);
        if (!exif.isEmpty()) {
            added.add(pointer(ExifTags.EXIF_IFD, 0, order, big));
        }
        if (!gps.isEmpty()) {
            added.add(pointer(ExifTags.GPS_IFD, 0, order, big));
        }
        List<IfdWriter.Field> fields = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int at = entries + i * entrySize;
            int tag = in.getShort(at) & 0xFFFF;
            if (added.stream().noneMatch(f -> f.tag() == tag)) {
                byte[] raw = new byte[big ? 8 : 4];
                in.get(at + (big ? 12 : 8), raw);
                int valueCount = (int) (big ? in.getLong(at + 4) : in.getInt(at + 4));
                fields.add(new IfdWriter.Field(tag, in.getShort(at + 2) & 0xFFFF, valueCount, raw, true));
            }
        }
        int start = tiff.length + (tiff.length & 1);
        int size = IfdWriter.size(concat(fields, added), big);
        int exifAt = start + size;
        int gpsAt = exifAt + (exif.isEmpty() ? 0 : IfdWriter.size(exif, big));
        for (int i = 0; i < added.size(); i++) {
            int tag = added.get(i).tag();
            if (tag == ExifTags.EXIF_IFD || tag == ExifTags.GPS_IFD) {
                added.set(i, pointer(tag, tag == ExifTags.EXIF_IFD ? exifAt : gpsAt, order, big));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(start + size + 1024);
        out.write(tiff, 0, tiff.length);
        if (start > tiff.length) {
            out.write(0);
        }
        out.writeBytes(IfdWriter.write(concat(fields, added), order, start, nextIfd, big));
        if (!exif.isEmpty()) {
            out.writeBytes(IfdWriter.write(exif, order, exifAt, 0, big));
        }
        if (!gps.isEmpty()) {
            out.writeBytes(IfdWriter.write(gps, order, gpsAt, 0, big));
        }
        byte[] result = out.toByteArray();
        if (big) {
            ByteBuffer.wrap(result).order(order).putLong(8, start);
        } else {
            ByteBuffer.wrap(result).order(order).putInt(4, start);
        }
        return result;
    }

    private static IfdWriter.Field pointer(int tag, int offset, ByteOrder order, boolean big) {
        return big ? IfdWriter.Field.pointer8(tag, offset, order) : IfdWriter.Field.pointer(tag, offset, order);
    }

    private static List<IfdWriter.Field> concat(List<IfdWriter.Field> a, List<IfdWriter.Field> b) {
        List<IfdWriter.Field> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
