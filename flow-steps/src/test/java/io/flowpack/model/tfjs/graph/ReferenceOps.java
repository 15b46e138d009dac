package io.flowpack.model.tfjs.graph;

/**
 * TensorFlow's ops written out plainly on one NHWC image (batch 1), as the expected values for converted test
 * graphs: loops over the definitions, no cleverness, so a mistake in the converter cannot hide in both.
 */
final class ReferenceOps {
    private ReferenceOps() {
    }

    /** An {@code h × w × c} image, channels last. */
    record Image(int h, int w, int c, float[] v) {
        Image(int h, int w, int c) {
            this(h, w, c, new float[h * w * c]);
        }

        float at(int y, int x, int ch) {
            return v[(y * w + x) * c + ch];
        }

        void set(int y, int x, int ch, float value) {
            v[(y * w + x) * c + ch] = value;
        }
    }

    /** TensorFlow's SAME padding before the input along one axis. */
    static int samePadBefore(int in, int kernel, int stride) {
        int out = (in + stride - 1) / stride;
        return Math.max((out - 1) * stride + kernel - in, 0) / 2;
    }

    /** Conv2D with filter {@code [kh, kw, in, out]} (HWIO), SAME or VALID. */
    static Image conv2d(Image x, float[] filter, int kh, int kw, int out, int stride, boolean same) {
        int oh = same ? (x.h + stride - 1) / stride : (x.h - kh) / stride + 1;
        int ow = same ? (x.w + stride - 1) / stride : (x.w - kw) / stride + 1;
        int top = same ? samePadBefore(x.h, kh, stride) : 0;
        int left = same ? samePadBefore(x.w, kw, stride) : 0;
        Image y = new Image(oh, ow, out);
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int o = 0; o < out; o++) {
                    double sum = 0;
                    for (int u = 0; u < kh; u++) {
                        for (int v = 0; v < kw; v++) {
                            int sy = i * stride + u - top;
                            int sx = j * stride + v - left;
                            if (sy < 0 || sy >= x.h || sx < 0 || sx >= x.w) {
                                continue;
                            }
                            for (int c = 0; c < x.c; c++) {
                                sum += x.at(sy, sx, c) * filter[((u * kw + v) * x.c + c) * out + o];
                            }
                        }
                    }
                    y.set(i, j, o, (float) sum);
                }
            }
        }
        return y;
    }

    /** Conv2D, VALID, with separate strides along height and width. */
    static Image conv2dStrided(Image x, float[] filter, int kh, int kw, int out, int strideH, int strideW) {
        Image y = new Image((x.h - kh) / strideH + 1, (x.w - kw) / strideW + 1, out);
        for (int i = 0; i < y.h; i++) {
            for (int j = 0; j < y.w; j++) {
                for (int o = 0; o < out; o++) {
                    double sum = 0;
                    for (int u = 0; u < kh; u++) {
                        for (int v = 0; v < kw; v++) {
                            for (int c = 0; c < x.c; c++) {
                                float weight = filter[((u * kw + v) * x.c + c) * out + o];
                                sum += x.at(i * strideH + u, j * strideW + v, c) * weight;
                            }
                        }
                    }
                    y.set(i, j, o, (float) sum);
                }
            }
        }
        return y;
    }

    /** DepthwiseConv2dNative with filter {@code [kh, kw, in, multiplier]}, SAME, stride 1. */
    static Image depthwise(Image x, float[] filter, int kh, int kw, int multiplier) {
        int top = samePadBefore(x.h, kh, 1);
        int left = samePadBefore(x.w, kw, 1);
        Image y = new Image(x.h, x.w, x.c * multiplier);
        for (int i = 0; i < x.h; i++) {
            for (int j = 0; j < x.w; j++) {
                for (int c = 0; c < x.c; c++) {
                    for (int m = 0; m < multiplier; m++) {
                        double sum = 0;
                        for (int u = 0; u < kh; u++) {
                            for (int v = 0; v < kw; v++) {
                                int sy = i + u - top;
                                int sx = j + v - left;
                                if (sy >= 0 && sy < x.h && sx >= 0 && sx < x.w) {
                                    sum += x.at(sy, sx, c) * filter[((u * kw + v) * x.c + c) * multiplier + m];
                                }
                            }
                        }
                        y.set(i, j, c * multiplier + m, (float) sum);
                    }
                }
            }
        }
        return y;
    }

    /**
     * Conv2DBackpropInput (SAME): every input value spreads through the filter {@code [kh, kw, out, in]} onto the
     * {@code oh × ow} result, where the forward convolution would have read it.
     */
    static Image convTranspose(Image x, float[] filter, int kh, int kw, int out, int oh, int ow, int stride) {
        int top = samePadBefore(oh, kh, stride);
        int left = samePadBefore(ow, kw, stride);
        Image y = new Image(oh, ow, out);
        for (int i = 0; i < x.h; i++) {
            for (int j = 0; j < x.w; j++) {
                for (int u = 0; u < kh; u++) {
                    for (int v = 0; v < kw; v++) {
                        int p = i * stride + u - top;
                        int q = j * stride + v - left;
                        if (p < 0 || p >= oh || q < 0 || q >= ow) {
                            continue;
                        }
                        for (int o = 0; o < out; o++) {
                            double sum = y.at(p, q, o);
                            for (int c = 0; c < x.c; c++) {
                                sum += x.at(i, j, c) * filter[((u * kw + v) * out + o) * x.c + c];
                            }
                            y.set(p, q, o, (float) sum);
                        }
                    }
                }
            }
        }
        return y;
    }

    static Image biasAdd(Image x, float[] bias) {
        Image y = new Image(x.h, x.w, x.c);
        for (int i = 0; i < x.v.length; i++) {
            y.v[i] = x.v[i] + bias[i % x.c];
        }
        return y;
    }

    static Image relu6(Image x) {
        return map(x, v -> Math.min(Math.max(v, 0), 6));
    }

    static Image leakyRelu(Image x, float alpha) {
        return map(x, v -> v < 0 ? alpha * v : v);
    }

    static Image sigmoid(Image x) {
        return map(x, v -> 1 / (1 + Math.exp(-v)));
    }

    static Image add(Image a, Image b) {
        Image y = new Image(a.h, a.w, a.c);
        for (int i = 0; i < a.v.length; i++) {
            y.v[i] = a.v[i] + b.v[i];
        }
        return y;
    }

    /** ResizeBilinear as TensorFlow computes it, clamping source coordinates to the image. */
    static Image resizeBilinear(Image x, int oh, int ow, boolean alignCorners, boolean halfPixel) {
        Image y = new Image(oh, ow, x.c);
        for (int i = 0; i < oh; i++) {
            double sy = source(i, x.h, oh, alignCorners, halfPixel);
            int y0 = (int) Math.max(Math.floor(sy), 0);
            int y1 = Math.min((int) Math.ceil(sy), x.h - 1);
            double fy = sy - Math.floor(sy);
            for (int j = 0; j < ow; j++) {
                double sx = source(j, x.w, ow, alignCorners, halfPixel);
                int x0 = (int) Math.max(Math.floor(sx), 0);
                int x1 = Math.min((int) Math.ceil(sx), x.w - 1);
                double fx = sx - Math.floor(sx);
                for (int c = 0; c < x.c; c++) {
                    double top = x.at(y0, x0, c) + (x.at(y0, x1, c) - x.at(y0, x0, c)) * fx;
                    double bottom = x.at(y1, x0, c) + (x.at(y1, x1, c) - x.at(y1, x0, c)) * fx;
                    y.set(i, j, c, (float) (top + (bottom - top) * fy));
                }
            }
        }
        return y;
    }

    /** AvgPool, SAME: the mean over the window's pixels inside the image (padding not counted). */
    static Image avgPoolSame(Image x, int k, int stride) {
        int oh = (x.h + stride - 1) / stride;
        int ow = (x.w + stride - 1) / stride;
        int top = samePadBefore(x.h, k, stride);
        int left = samePadBefore(x.w, k, stride);
        Image y = new Image(oh, ow, x.c);
        for (int i = 0; i < oh; i++) {
            for (int j = 0; j < ow; j++) {
                for (int c = 0; c < x.c; c++) {
                    double sum = 0;
                    int count = 0;
                    for (int u = 0; u < k; u++) {
                        for (int v = 0; v < k; v++) {
                            int sy = i * stride + u - top;
                            int sx = j * stride + v - left;
                            if (sy >= 0 && sy < x.h && sx >= 0 && sx < x.w) {
                                sum += x.at(sy, sx, c);
                                count++;
                            }
                        }
                    }
                    y.set(i, j, c, (float) (sum / count));
                }
            }
        }
        return y;
    }

    /** MaxPool, VALID. */
    static Image maxPoolValid(Image x, int k, int stride) {
        Image y = new Image((x.h - k) / stride + 1, (x.w - k) / stride + 1, x.c);
        for (int i = 0; i < y.h; i++) {
            for (int j = 0; j < y.w; j++) {
                for (int c = 0; c < x.c; c++) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int u = 0; u < k; u++) {
                        for (int v = 0; v < k; v++) {
                            max = Math.max(max, x.at(i * stride + u, j * stride + v, c));
                        }
                    }
                    y.set(i, j, c, max);
                }
            }
        }
        return y;
    }

    static Image pad(Image x, int top, int bottom, int left, int right, float value) {
        Image y = new Image(x.h + top + bottom, x.w + left + right, x.c);
        java.util.Arrays.fill(y.v, value);
        for (int i = 0; i < x.h; i++) {
            for (int j = 0; j < x.w; j++) {
                for (int c = 0; c < x.c; c++) {
                    y.set(i + top, j + left, c, x.at(i, j, c));
                }
            }
        }
        return y;
    }

    /** Channels {@code from} (inclusive) to {@code to} (exclusive). */
    static Image channels(Image x, int from, int to) {
        Image y = new Image(x.h, x.w, to - from);
        for (int i = 0; i < x.h; i++) {
            for (int j = 0; j < x.w; j++) {
                for (int c = from; c < to; c++) {
                    y.set(i, j, c - from, x.at(i, j, c));
                }
            }
        }
        return y;
    }

    static Image concatChannels(Image a, Image b) {
        Image y = new Image(a.h, a.w, a.c + b.c);
        for (int i = 0; i < a.h; i++) {
            for (int j = 0; j < a.w; j++) {
                for (int c = 0; c < y.c; c++) {
                    y.set(i, j, c, c < a.c ? a.at(i, j, c) : b.at(i, j, c - a.c));
                }
            }
        }
        return y;
    }

    /** The image as NCHW values. */
    static float[] toNchw(Image x) {
        float[] out = new float[x.v.length];
        for (int i = 0; i < x.h; i++) {
            for (int j = 0; j < x.w; j++) {
                for (int c = 0; c < x.c; c++) {
                    out[(c * x.h + i) * x.w + j] = x.at(i, j, c);
                }
            }
        }
        return out;
    }

    private static double source(int out, int in, int outSize, boolean alignCorners, boolean halfPixel) {
        if (alignCorners && outSize > 1) {
            return out * (in - 1.0) / (outSize - 1.0);
        }
        double scale = (double) in / outSize;
        return halfPixel ? Math.max((out + 0.5) * scale - 0.5, 0) : out * scale;
    }

    private static Image map(Image x, java.util.function.DoubleUnaryOperator f) {
        Image y = new Image(x.h, x.w, x.c);
        for (int i = 0; i < x.v.length; i++) {
            y.v[i] = (float) f.applyAsDouble(x.v[i]);
        }
        return y;
    }
}
