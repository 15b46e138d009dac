package io.flowpack.comfy.nodes.image;

import io.flowpack.upscale.LanczosResampler;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * ComfyUI's {@code upscale_method}s on interleaved float planes ({@code height × width × channels}), computed as
 * PyTorch's {@code interpolate} does them: {@code nearest-exact}, {@code bilinear} and {@code bicubic} with
 * half-pixel centres ({@code align_corners=False}, no antialiasing; bicubic with a = -0.75), {@code area} as an
 * adaptive average; {@code lanczos} goes through 8-bit like ComfyUI's PIL path and uses flowpack's Lanczos-3.
 */
public enum Resampling {
    NEAREST_EXACT, BILINEAR, AREA, BICUBIC, LANCZOS;

    /** The combo values, in ComfyUI's order. */
    public static final List<String> NAMES = List.of("nearest-exact", "bilinear", "area", "bicubic", "lanczos");

    public static Resampling of(String comfyName) {
        int index = NAMES.indexOf(comfyName);
        if (index < 0) {
            throw new IllegalArgumentException("unknown upscale_method '" + comfyName + "'; known: " + NAMES);
        }
        return values()[index];
    }

    public String comfyName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Resizes one plane.
     *
     * @param channels values per pixel (3 for an image, 1 for a mask)
     */
    public float[] resize(float[] src, int width, int height, int channels, int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return src.clone();
        }
        return switch (this) {
            case NEAREST_EXACT -> nearest(src, width, height, channels, newWidth, newHeight);
            case BILINEAR -> separable(src, width, height, channels, newWidth, newHeight, Kernel.LINEAR);
            case BICUBIC -> separable(src, width, height, channels, newWidth, newHeight, Kernel.CUBIC);
            case AREA -> area(src, width, height, channels, newWidth, newHeight);
            case LANCZOS -> lanczos(src, width, height, channels, newWidth, newHeight);
        };
    }

    private static float[] nearest(float[] src, int w, int h, int c, int nw, int nh) {
        float[] out = new float[nw * nh * c];
        int[] xs = new int[nw];
        for (int x = 0; x < nw; x++) {
            xs[x] = Math.min((int) Math.floor((x + 0.5) * w / nw), w - 1);
        }
        for (int y = 0; y < nh; y++) {
            int sy = Math.min((int) Math.floor((y + 0.5) * h / nh), h - 1);
            for (int x = 0; x < nw; x++) {
                System.arraycopy(src, (sy * w + xs[x]) * c, out, (y * nw + x) * c, c);
            }
        }
        return out;
    }

    /** The interpolation kernels of PyTorch's separable modes. */
    private enum Kernel {
        LINEAR(2), CUBIC(4);

        final int taps;

        Kernel(int taps) {
            this.taps = taps;
        }

        /** Weights of the {@code taps} neighbours starting at {@code floor(pos) - (taps/2 - 1)}, for fraction t. */
        void weights(double t, double[] w) {
            if (this == LINEAR) {
                w[0] = 1 - t;
                w[1] = t;
                return;
            }
            double a = -0.75;
            w[0] = cubicFar(t + 1, a);
            w[1] = cubicNear(t, a);
            w[2] = cubicNear(1 - t, a);
            w[3] = cubicFar(2 - t, a);
        }

        private static double cubicNear(double x, double a) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }

        private static double cubicFar(double x, double a) {
            return ((a * x - 5 * a) * x + 8 * a) * x - 4 * a;
        }
    }

    private static float[] separable(float[] src, int w, int h, int c, int nw, int nh, Kernel kernel) {
        Taps columns = Taps.of(w, nw, kernel);
        Taps rows = Taps.of(h, nh, kernel);
        float[] horizontal = new float[nw * h * c];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < nw; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int k = 0; k < kernel.taps; k++) {
                        sum += columns.weight[x * kernel.taps + k] * src[(y * w + columns.index[x * kernel.taps + k]) * c + ch];
                    }
                    horizontal[(y * nw + x) * c + ch] = (float) sum;
                }
            }
        }
        float[] out = new float[nw * nh * c];
        for (int y = 0; y < nh; y++) {
            for (int x = 0; x < nw; x++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int k = 0; k < kernel.taps; k++) {
                        sum += rows.weight[y * kernel.taps + k] * horizontal[(rows.index[y * kernel.taps + k] * nw + x) * c + ch];
                    }
                    out[(y * nw + x) * c + ch] = (float) sum;
                }
            }
        }
        return out;
    }

    /** Source indices (clamped at the border) and weights for every output position along one axis. */
    private record Taps(int[] index, double[] weight) {
        static Taps of(int size, int newSize, Kernel kernel) {
            int[] index = new int[newSize * kernel.taps];
            double[] weight = new double[newSize * kernel.taps];
            double scale = (double) size / newSize;
            double[] w = new double[kernel.taps];
            for (int i = 0; i < newSize; i++) {
                double pos = (i + 0.5) * scale - 0.5;
                if (kernel == Kernel.LINEAR && pos < 0) {
                    pos = 0;
                }
                int base = (int) Math.floor(pos);
                kernel.weights(pos - base, w);
                int first = base - (kernel.taps / 2 - 1);
                for (int k = 0; k < kernel.taps; k++) {
                    index[i * kernel.taps + k] = Math.max(0, Math.min(size - 1, first + k));
                    weight[i * kernel.taps + k] = w[k];
                }
            }
            return new Taps(index, weight);
        }
    }

    private static float[] area(float[] src, int w, int h, int c, int nw, int nh) {
        float[] out = new float[nw * nh * c];
        double[] sum = new double[c];
        for (int y = 0; y < nh; y++) {
            int y0 = (int) Math.floor((double) y * h / nh);
            int y1 = (int) Math.ceil((double) (y + 1) * h / nh);
            for (int x = 0; x < nw; x++) {
                int x0 = (int) Math.floor((double) x * w / nw);
                int x1 = (int) Math.ceil((double) (x + 1) * w / nw);
                Arrays.fill(sum, 0);
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        for (int ch = 0; ch < c; ch++) {
                            sum[ch] += src[(sy * w + sx) * c + ch];
                        }
                    }
                }
                int count = (y1 - y0) * (x1 - x0);
                for (int ch = 0; ch < c; ch++) {
                    out[(y * nw + x) * c + ch] = (float) (sum[ch] / count);
                }
            }
        }
        return out;
    }

    private static float[] lanczos(float[] src, int w, int h, int c, int nw, int nh) {
        BufferedImage image = Planes.toImage(src, w, h, c);
        return Planes.fromImage(LanczosResampler.resize(image, nw, nh), c);
    }
}
