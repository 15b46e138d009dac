package io.flowpack.anonymizer.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Builds a big-endian EXIF block (TIFF header, IFD0, Exif IFD, GPS IFD) from the allow-listed entries. */
final class ExifBlock {

    private ExifBlock() {
    }

    /** The TIFF-structured bytes for a JPEG APP1 (after {@code Exif\0\0}) or a PNG eXIf chunk; null if no entries. */
    static byte[] of(List<ExifEntry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        ByteOrder order = ByteOrder.BIG_ENDIAN;
        List<IfdWriter.Field> ifd0 = fields(entries, "IFD0", order);
        List<IfdWriter.Field> exif = fields(entries, "ExifIFD", order);
        List<IfdWriter.Field> gps = fields(entries, "GPS", order);
        List<IfdWriter.Field> withPointers = new ArrayList<>(ifd0);
        if (!exif.isEmpty()) {
            withPointers.add(IfdWriter.Field.pointer(ExifTags.EXIF_IFD, 0, order));
        }
        if (!gps.isEmpty()) {
            withPointers.add(IfdWriter.Field.pointer(ExifTags.GPS_IFD, 0, order));
        }
        int exifAt = 8 + IfdWriter.size(withPointers);
        int gpsAt = exifAt + (exif.isEmpty() ? 0 : IfdWriter.size(exif));
        withPointers = new ArrayList<>(ifd0);
        if (!exif.isEmpty()) {
            withPointers.add(IfdWriter.Field.pointer(ExifTags.EXIF_IFD, exifAt, order));
        }
        if (!gps.isEmpty()) {
            withPointers.add(IfdWriter.Field.pointer(ExifTags.GPS_IFD, gpsAt, order));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
        out.writeBytes(IfdWriter.write(withPointers, order, 8, 0));
        if (!exif.isEmpty()) {
            out.writeBytes(IfdWriter.write(exif, order, exifAt, 0));
        }
        if (!gps.isEmpty()) {
            out.writeBytes(IfdWriter.write(gps, order, gpsAt, 0));
        }
        return out.toByteArray();
    }

    static List<IfdWriter.Field> fields(List<ExifEntry> entries, String ifd, ByteOrder order) {
        return entries.stream().filter(e -> e.ifd().equals(ifd)).map(e -> IfdWriter.Field.of(e, order)).toList();
    }
}
