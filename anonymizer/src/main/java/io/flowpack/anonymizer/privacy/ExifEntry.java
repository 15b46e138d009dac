package io.flowpack.anonymizer.privacy;

import java.util.Arrays;

/**
 * One EXIF/TIFF tag read from an input, with its value bytes normalised to big-endian so it can be
 * written into any output.
 *
 * @param ifd   {@code IFD0}, {@code ExifIFD} or {@code GPS}
 * @param type  the TIFF field type (1 BYTE, 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL, 7 UNDEFINED, …)
 * @param value {@code count} values, big-endian
 */
public record ExifEntry(String ifd, int tag, String name, int type, int count, byte[] value) {

    @Override
    public boolean equals(Object other) {
        return other instanceof ExifEntry e && ifd.equals(e.ifd) && tag == e.tag && type == e.type
                && count == e.count && Arrays.equals(value, e.value);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * ifd.hashCode() + tag) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return ifd + ":" + name + " (type " + type + ", " + count + " values)";
    }
}
