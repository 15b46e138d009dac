package io.flowpack.model.tfjs;

/**
 * IEEE 754 half precision (binary16) both ways: TensorFlow.js stores float16 weights, and the import writes them
 * back as float16 (widened by a Cast inside the model), which halves the ONNX file without changing a value.
 */
public final class HalfFloat {
    private HalfFloat() {
    }

    public static float toFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13)); // infinity or NaN
        }
        if (exponent == 0) {
            float subnormal = mantissa * 0x1p-24f; // 2^-14 · mantissa/1024
            return sign == 0 ? subnormal : -subnormal;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The nearest half-precision value's bits (ties to even); overflow gives infinity. */
    public static short encode(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = (bits >>> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0xFF) {
            return (short) (sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0));
        }
        int halfExponent = exponent - 127 + 15;
        if (halfExponent >= 0x1F) {
            return (short) (sign | 0x7C00);
        }
        if (halfExponent <= 0) { // subnormal in half precision
            if (halfExponent < -10) {
                return (short) sign;
            }
            return (short) (sign | roundShift(mantissa | 0x800000, 14 - halfExponent));
        }
        // a carry out of the mantissa correctly moves on to the next exponent
        return (short) (sign | ((halfExponent << 10) + roundShift(mantissa, 13)));
    }

    /** Whether every value survives the trip through half precision unchanged. */
    public static boolean holdsExactly(float[] values) {
        for (float value : values) {
            if (Float.floatToRawIntBits(toFloat(encode(value) & 0xFFFF)) != Float.floatToRawIntBits(value)) {
                return false;
            }
        }
        return true;
    }

    public static short[] encode(float[] values) {
        short[] result = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = encode(values[i]);
        }
        return result;
    }

    /** {@code value >> shift}, rounded to nearest with ties to even. */
    private static int roundShift(int value, int shift) {
        int result = value >>> shift;
        int remainder = value & ((1 << shift) - 1);
        int half = 1 << (shift - 1);
        if (remainder > half || (remainder == half && (result & 1) != 0)) {
            result++;
        }
        return result;
    }
}
