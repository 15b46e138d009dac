package io.flowpack.anonymizer.privacy;

import java.nio.ByteOrder;

/** Sizes of the TIFF field types and byte-order conversion of their values. */
final class TiffTypes {

    private TiffTypes() {
    }

    /** Bytes per value of a TIFF field type, 0 for an unknown type. */
    static int size(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11, 13 -> 4;
            case 5, 10, 12, 16, 17, 18 -> 8;
            default -> 0;
        };
    }

    /** The width of the numbers a value is made of: a RATIONAL is two 4-byte numbers. */
    private static int unit(int type) {
        return switch (type) {
            case 5, 10 -> 4;
            default -> size(type);
        };
    }

    /** A copy of the value bytes with every number turned from one byte order to the other when they differ. */
    static byte[] convert(byte[] value, int type, ByteOrder from, ByteOrder to) {
        byte[] out = value.clone();
        int unit = unit(type);
        if (from == to || unit <= 1) {
            return out;
        }
        for (int start = 0; start + unit <= out.length; start += unit) {
            for (int i = 0; i < unit / 2; i++) {
                byte swap = out[start + i];
                out[start + i] = out[start + unit - 1 - i];
                out[start + unit - 1 - i] = swap;
            }
        }
        return out;
    }
}
