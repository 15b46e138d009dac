package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;
import io.flowpack.model.tfjs.TfjsWeight;

import java.util.Arrays;

/**
 * A tensor whose value is known while converting: a weight, or the result of folding constants. Floating-point
 * values live in {@code floats}, integer ones (shapes, axes, paddings; TensorFlow's int32 and int64) in {@code ints}.
 */
record ConstTensor(long[] shape, float[] floats, long[] ints) {

    ConstTensor {
        long size = Shapes.size(shape);
        if ((floats == null) == (ints == null) || size != (floats != null ? floats.length : ints.length)) {
            throw new IllegalArgumentException("tensor data does not match shape " + Shapes.show(shape));
        }
    }

    static ConstTensor of(TfjsWeight weight) {
        long[] shape = Arrays.stream(weight.shape()).asLongStream().toArray();
        return weight.isFloat() ? floats(shape, weight.floats()) : ints(shape, weight.ints());
    }

    static ConstTensor floats(long[] shape, float[] values) {
        return new ConstTensor(shape, values, null);
    }

    static ConstTensor ints(long[] shape, long[] values) {
        return new ConstTensor(shape, null, values);
    }

    boolean isFloat() {
        return floats != null;
    }

    int size() {
        return isFloat() ? floats.length : ints.length;
    }

    int rank() {
        return shape.length;
    }

    double get(int index) {
        return isFloat() ? floats[index] : ints[index];
    }

    /** The values as integers; {@code what} names the operand for the message when they are not. */
    long[] integers(String what) {
        if (!isFloat()) {
            return ints;
        }
        throw new TfjsImportException(what + " must be an integer tensor, found float values");
    }

    /** The values as floats, converting integers. */
    float[] asFloats() {
        if (isFloat()) {
            return floats;
        }
        float[] values = new float[ints.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = ints[i];
        }
        return values;
    }

    ConstTensor reshape(long[] newShape) {
        return isFloat() ? floats(newShape, floats) : ints(newShape, ints);
    }

    /** Axis {@code i} of the result is axis {@code perm[i]} of this tensor. */
    ConstTensor transpose(int[] perm) {
        long[] outShape = Shapes.permute(shape, perm);
        long[] inStrides = Shapes.strides(shape);
        int size = size();
        float[] outFloats = isFloat() ? new float[size] : null;
        long[] outInts = isFloat() ? null : new long[size];
        int[] index = new int[shape.length];
        for (int out = 0; out < size; out++) {
            long in = 0;
            for (int axis = 0; axis < perm.length; axis++) {
                in += index[axis] * inStrides[perm[axis]];
            }
            if (isFloat()) {
                outFloats[out] = floats[(int) in];
            } else {
                outInts[out] = ints[(int) in];
            }
            Shapes.increment(index, outShape);
        }
        return new ConstTensor(outShape, outFloats, outInts);
    }
}
