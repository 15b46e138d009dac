package io.flowpack.model.tfjs;

import java.util.Arrays;

/**
 * One decoded weight of a TensorFlow.js model: its shape and values, already dequantized. Floating-point weights
 * keep {@code floats}; integer and boolean weights (shapes, axes and paddings in graph models) keep {@code ints}.
 */
public record TfjsWeight(String name, int[] shape, String dtype, float[] floats, long[] ints) {

    public int size() {
        return floats != null ? floats.length : ints.length;
    }

    public boolean isFloat() {
        return floats != null;
    }

    /** The values as floats, whatever the stored type. */
    public float[] asFloats() {
        if (floats != null) {
            return floats;
        }
        float[] values = new float[ints.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = ints[i];
        }
        return values;
    }

    /** The values as integers; a floating-point weight here is a model error. */
    public long[] asInts() {
        if (ints == null) {
            throw new TfjsImportException("weight '" + name + "' is " + dtype + ", an integer tensor was expected");
        }
        return ints;
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
