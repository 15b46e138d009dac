package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

import java.util.Arrays;

/** Static shapes: sizes, NumPy broadcasting, permutations and row-major index arithmetic. */
final class Shapes {
    private Shapes() {
    }

    static long size(long[] shape) {
        long size = 1;
        for (long dim : shape) {
            size *= dim;
        }
        return size;
    }

    static String show(long[] shape) {
        return Arrays.toString(shape);
    }

    /** The shape two operands broadcast to, as NumPy and TensorFlow define it. */
    static long[] broadcast(long[] a, long[] b, String owner) {
        int rank = Math.max(a.length, b.length);
        long[] result = new long[rank];
        for (int i = 0; i < rank; i++) {
            long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new TfjsImportException(owner + ": shapes " + show(a) + " and " + show(b) + " do not broadcast");
            }
            result[i] = da == 1 ? db : da;
        }
        return result;
    }

    /** For each element of {@code target} (row-major), the index of the element of {@code source} broadcast onto it. */
    static int[] broadcastIndex(long[] source, long[] target) {
        int size = (int) size(target);
        long[] sourceStrides = strides(source);
        int offset = target.length - source.length;
        int[] result = new int[size];
        int[] index = new int[target.length];
        for (int i = 0; i < size; i++) {
            long at = 0;
            for (int axis = 0; axis < source.length; axis++) {
                if (source[axis] != 1) {
                    at += index[axis + offset] * sourceStrides[axis];
                }
            }
            result[i] = (int) at;
            increment(index, target);
        }
        return result;
    }

    static long[] strides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= shape[i];
        }
        return strides;
    }

    /** Advances a row-major multi-index by one. */
    static void increment(int[] index, long[] shape) {
        for (int axis = index.length - 1; axis >= 0; axis--) {
            if (++index[axis] < shape[axis]) {
                return;
            }
            index[axis] = 0;
        }
    }

    static long[] permute(long[] shape, int[] perm) {
        if (perm.length != shape.length) {
            throw new TfjsImportException("permutation " + Arrays.toString(perm) + " does not fit shape "
                    + show(shape));
        }
        long[] result = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            result[i] = shape[perm[i]];
        }
        return result;
    }

    static int[] toInts(long[] values) {
        return Arrays.stream(values).mapToInt(Math::toIntExact).toArray();
    }

    /** An axis counted from the end when negative, checked against the rank. */
    static int axis(long axis, int rank, String owner) {
        long normal = axis < 0 ? axis + rank : axis;
        if (normal < 0 || normal >= rank) {
            throw new TfjsImportException(owner + ": axis " + axis + " is out of range for rank " + rank);
        }
        return (int) normal;
    }
}
