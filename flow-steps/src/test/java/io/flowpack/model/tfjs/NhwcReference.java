package io.flowpack.model.tfjs;

/**
 * Plain-loop NHWC implementations of the layers the converter tests use, written from TensorFlow's definitions,
 * to compare ONNX Runtime's results with. A tensor is {@code float[h][w][c]} (batch 1).
 */
final class NhwcReference {
    private NhwcReference() {
    }

    /**
     * A convolution with TensorFlow's padding rules: SAME gives ceil(size / stride) outputs with the odd padding
     * pixel at the end; VALID none. {@code kernel} is HWIO, or [h, w, in, multiplier] when depthwise.
     */
    static float[][][] conv(float[][][] x, float[] kernel, int[] shape, float[] bias, int stride, int dilation,
                            boolean same, boolean depthwise) {
        int height = x.length;
        int width = x[0].length;
        int in = x[0][0].length;
        int kh = shape[0];
        int kw = shape[1];
        int last = shape[3];
        int out = depthwise ? in * last : last;
        int extentH = (kh - 1) * dilation + 1;
        int extentW = (kw - 1) * dilation + 1;
        int outH = same ? (height + stride - 1) / stride : (height - extentH) / stride + 1;
        int outW = same ? (width + stride - 1) / stride : (width - extentW) / stride + 1;
        int padTop = same ? Math.max((outH - 1) * stride + extentH - height, 0) / 2 : 0;
        int padLeft = same ? Math.max((outW - 1) * stride + extentW - width, 0) / 2 : 0;
        float[][][] y = new float[outH][outW][out];
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                for (int o = 0; o < out; o++) {
                    double sum = bias == null ? 0 : bias[o];
                    for (int ky = 0; ky < kh; ky++) {
                        for (int kx = 0; kx < kw; kx++) {
                            int iy = oy * stride + ky * dilation - padTop;
                            int ix = ox * stride + kx * dilation - padLeft;
                            if (iy < 0 || iy >= height || ix < 0 || ix >= width) {
                                continue;
                            }
                            if (depthwise) {
                                int c = o / last;
                                sum += x[iy][ix][c] * kernel[((ky * kw + kx) * in + c) * last + o % last];
                            } else {
                                for (int c = 0; c < in; c++) {
                                    sum += x[iy][ix][c] * kernel[((ky * kw + kx) * in + c) * last + o];
                                }
                            }
                        }
                    }
                    y[oy][ox][o] = (float) sum;
                }
            }
        }
        return y;
    }

    static float[][][] relu(float[][][] x) {
        return map(x, v -> Math.max(v, 0));
    }

    static float[][][] leakyRelu(float[][][] x, float alpha) {
        return map(x, v -> v < 0 ? alpha * v : v);
    }

    static float[][][] add(float[][][] a, float[][][] b) {
        float[][][] y = new float[a.length][a[0].length][a[0][0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                for (int c = 0; c < a[0][0].length; c++) {
                    y[i][j][c] = a[i][j][c] + b[i][j][c];
                }
            }
        }
        return y;
    }

    static float[][][] multiply(float[][][] a, float[][][] b) {
        float[][][] y = new float[a.length][a[0].length][a[0][0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                for (int c = 0; c < a[0][0].length; c++) {
                    y[i][j][c] = a[i][j][c] * b[i][j][c];
                }
            }
        }
        return y;
    }

    /** Concatenation along the channel axis. */
    static float[][][] concat(float[][][] a, float[][][] b) {
        int ca = a[0][0].length;
        float[][][] y = new float[a.length][a[0].length][ca + b[0][0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                System.arraycopy(a[i][j], 0, y[i][j], 0, ca);
                System.arraycopy(b[i][j], 0, y[i][j], ca, b[0][0].length);
            }
        }
        return y;
    }

    /** Nearest-neighbour enlargement by an integer factor: output pixel (y, x) copies input (y / f, x / f). */
    static float[][][] upsample(float[][][] x, int factor) {
        float[][][] y = new float[x.length * factor][x[0].length * factor][];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                y[i][j] = x[i / factor][j / factor].clone();
            }
        }
        return y;
    }

    /** Adds a per-channel vector. */
    static float[][][] addChannels(float[][][] x, float[] vector) {
        float[][][] y = new float[x.length][x[0].length][];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                y[i][j] = x[i][j].clone();
                for (int c = 0; c < vector.length; c++) {
                    y[i][j][c] += vector[c];
                }
            }
        }
        return y;
    }

    static float[] flatten(float[][][] x) {
        int c = x[0][0].length;
        float[] flat = new float[x.length * x[0].length * c];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                System.arraycopy(x[i][j], 0, flat, (i * x[0].length + j) * c, c);
            }
        }
        return flat;
    }

    static float[][][] unflatten(float[] flat, int height, int width, int channels) {
        float[][][] x = new float[height][width][channels];
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                System.arraycopy(flat, (i * width + j) * channels, x[i][j], 0, channels);
            }
        }
        return x;
    }

    private static float[][][] map(float[][][] x, java.util.function.DoubleUnaryOperator f) {
        float[][][] y = new float[x.length][x[0].length][x[0][0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                for (int c = 0; c < x[0][0].length; c++) {
                    y[i][j][c] = (float) f.applyAsDouble(x[i][j][c]);
                }
            }
        }
        return y;
    }
}
