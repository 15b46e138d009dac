package io.flowpack.anonymizer.privacy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;

/** Writes one TIFF IFD followed by the values that do not fit in its entries. */
final class IfdWriter {

    /**
     * One entry to write.
     *
     * @param value    the values in the target byte order; for a {@code copied} entry, its original 4-byte
     *                 value-or-offset field, written back unchanged
     */
    record Field(int tag, int type, int count, byte[] value, boolean copied) {
        static Field of(ExifEntry entry, ByteOrder order) {
            return new Field(entry.tag(), entry.type(), entry.count(),
                    TiffTypes.convert(entry.value(), entry.type(), ByteOrder.BIG_ENDIAN, order), false);
        }

        static Field pointer(int tag, int offset, ByteOrder order) {
            return new Field(tag, 4, 1, ByteBuffer.allocate(4).order(order).putInt(offset).array(), false);
        }

        /** A BigTIFF sub-IFD pointer (type IFD8). */
        static Field pointer8(int tag, long offset, ByteOrder order) {
            return new Field(tag, 18, 1, ByteBuffer.allocate(8).order(order).putLong(offset).array(), false);
        }

        private int outsideLength(boolean big) {
            return copied || value.length <= (big ? 8 : 4) ? 0 : value.length + (value.length & 1);
        }
    }

    private IfdWriter() {
    }

    /** Bytes the IFD and its values take; independent of where it is written. */
    static int size(List<Field> fields) {
        return size(fields, false);
    }

    /** @param big BigTIFF layout: 8-byte counts and offsets, 20-byte entries */
    static int size(List<Field> fields, boolean big) {
        return (big ? 16 : 6) + (big ? 20 : 12) * fields.size() + fields.stream().mapToInt(f -> f.outsideLength(big)).sum();
    }

    /** The IFD with fields sorted by tag, as it must be at {@code start} in the file, pointing on to {@code nextIfd}. */
    static byte[] write(List<Field> fields, ByteOrder order, int start, int nextIfd) {
        return write(fields, order, start, nextIfd, false);
    }

    /** @param big BigTIFF layout; a copied field's value is then its original 8-byte field */
    static byte[] write(List<Field> fields, ByteOrder order, long start, long nextIfd, boolean big) {
        List<Field> sorted = fields.stream().sorted(Comparator.comparingInt(Field::tag)).toList();
        ByteBuffer out = ByteBuffer.allocate(size(sorted, big)).order(order);
        long valuesAt = start + (big ? 16 : 6) + (big ? 20 : 12) * sorted.size();
        if (big) {
            out.putLong(sorted.size());
        } else {
            out.putShort((short) sorted.size());
        }
        for (Field field : sorted) {
            out.putShort((short) field.tag()).putShort((short) field.type());
            if (big) {
                out.putLong(field.count() & 0xFFFFFFFFL);
            } else {
                out.putInt(field.count());
            }
            if (field.outsideLength(big) == 0) {
                out.put(java.util.Arrays.copyOf(field.value(), big ? 8 : 4));
            } else {
                if (big) {
                    out.putLong(valuesAt);
                } else {
                    out.putInt((int) valuesAt);
                }
                valuesAt += field.outsideLength(big);
            }
        }
        if (big) {
            out.putLong(nextIfd);
        } else {
            out.putInt((int) nextIfd);
        }
        for (Field field : sorted) {
            if (field.outsideLength(big) > 0) {
                out.put(field.value());
                if ((field.value().length & 1) == 1) {
                    out.put((byte) 0);
                }
            }
        }
        return out.array();
    }
}
