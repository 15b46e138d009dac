package io.flowpack.generate.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.flowpack.generate.GenerationException;
import io.flowpack.model.tfjs.HalfFloat;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;

/** Creates input tensors of the element type a model declares. */
final class Tensors {

    private Tensors() {
    }

    /** Floats as the model's float type: float32, or float16 (rounded to nearest even). */
    static OnnxTensor floats(OnnxJavaType type, float[] data, long... shape) {
        if (type == OnnxJavaType.FLOAT16) {
            try {
                return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), ShortBuffer.wrap(HalfFloat.encode(data)),
                        shape, OnnxJavaType.FLOAT16);
            } catch (OrtException e) {
                throw new GenerationException("cannot create a tensor: " + e.getMessage(), e);
            }
        }
        if (type != OnnxJavaType.FLOAT) {
            throw new GenerationException("a float32 or float16 input is needed, the model takes " + type);
        }
        return floats(data, shape);
    }

    static OnnxTensor floats(float[] data, long... shape) {
        try {
            return OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(data), shape);
        } catch (OrtException e) {
            throw new GenerationException("cannot create a tensor: " + e.getMessage(), e);
        }
    }

    /** Whole numbers as the model's integer type (int32 or int64). */
    static OnnxTensor integers(OnnxJavaType type, int[] data, long... shape) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            if (type == OnnxJavaType.INT32) {
                return OnnxTensor.createTensor(env, IntBuffer.wrap(data), shape);
            }
            if (type == OnnxJavaType.INT64) {
                long[] longs = new long[data.length];
                for (int i = 0; i < data.length; i++) {
                    longs[i] = data[i];
                }
                return OnnxTensor.createTensor(env, LongBuffer.wrap(longs), shape);
            }
            throw new GenerationException("token ids must be int32 or int64, the model takes " + type);
        } catch (OrtException e) {
            throw new GenerationException("cannot create a tensor: " + e.getMessage(), e);
        }
    }

    /** One number repeated {@code count} times as the model's type (float, double, int32 or int64; integers truncated). */
    static OnnxTensor number(OnnxJavaType type, double value, int count, long... shape) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            switch (type) {
                case FLOAT16 -> {
                    float[] v = new float[count];
                    java.util.Arrays.fill(v, (float) value);
                    return floats(OnnxJavaType.FLOAT16, v, shape);
                }
                case FLOAT -> {
                    float[] v = new float[count];
                    java.util.Arrays.fill(v, (float) value);
                    return OnnxTensor.createTensor(env, FloatBuffer.wrap(v), shape);
                }
                case DOUBLE -> {
                    double[] v = new double[count];
                    java.util.Arrays.fill(v, value);
                    return OnnxTensor.createTensor(env, DoubleBuffer.wrap(v), shape);
                }
                case INT64 -> {
                    long[] v = new long[count];
                    java.util.Arrays.fill(v, (long) value);
                    return OnnxTensor.createTensor(env, LongBuffer.wrap(v), shape);
                }
                case INT32 -> {
                    int[] v = new int[count];
                    java.util.Arrays.fill(v, (int) value);
                    return OnnxTensor.createTensor(env, IntBuffer.wrap(v), shape);
                }
                default -> throw new GenerationException("a timestep of type " + type + " is not supported");
            }
        } catch (OrtException e) {
            throw new GenerationException("cannot create a tensor: " + e.getMessage(), e);
        }
    }
}
