package io.flowpack.model.tfjs.graph;

import io.flowpack.imaging.Pixels;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The public-domain photos of {@code samples/} as model inputs: resized by bilinear interpolation (half-pixel
 * centres), then {@code (v - mean) / std} per channel, RGB, laid out NHWC or NCHW.
 */
final class PhotoTensors {
    static final Path SAMPLES = Path.of("..", "samples");

    private PhotoTensors() {
    }

    static BufferedImage photo(String name) {
        return photo(name, SAMPLES);
    }

    static BufferedImage photo(String name, Path folder) {
        try {
            BufferedImage image = ImageIO.read(folder.resolve(name).toFile());
            if (image == null) {
                throw new IllegalStateException("not an image: " + name);
            }
            return Pixels.toIntRgb(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photo at {@code width × height}, RGB levels 0..255 as floats, NHWC. */
    static float[] resized(BufferedImage image, int width, int height) {
        int[] argb = Pixels.argb(image);
        int sourceWidth = image.getWidth();
        int sourceHeight = image.getHeight();
        float[] out = new float[width * height * 3];
        for (int y = 0; y < height; y++) {
            float sy = clamp((y + 0.5f) * sourceHeight / height - 0.5f, sourceHeight - 1);
            int y0 = (int) sy;
            int y1 = Math.min(y0 + 1, sourceHeight - 1);
            float fy = sy - y0;
            for (int x = 0; x < width; x++) {
                float sx = clamp((x + 0.5f) * sourceWidth / width - 0.5f, sourceWidth - 1);
                int x0 = (int) sx;
                int x1 = Math.min(x0 + 1, sourceWidth - 1);
                float fx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    int upper = y0 * sourceWidth;
                    int lower = y1 * sourceWidth;
                    float top = lerp(level(argb[upper + x0], shift), level(argb[upper + x1], shift), fx);
                    float bottom = lerp(level(argb[lower + x0], shift), level(argb[lower + x1], shift), fx);
                    out[(y * width + x) * 3 + c] = lerp(top, bottom, fy);
                }
            }
        }
        return out;
    }

    /** {@code (v - mean[c]) / std[c]} of NHWC RGB levels, written NHWC or NCHW. */
    static float[] normalised(float[] nhwc, int width, int height, double[] mean, double[] std, boolean nchw) {
        float[] out = new float[nhwc.length];
        int plane = width * height;
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                float v = (float) ((nhwc[i * 3 + c] - mean[c]) / std[c]);
                out[nchw ? c * plane + i : i * 3 + c] = v;
            }
        }
        return out;
    }

    /**
     * A model input as a manifest describes it: levels 0..255 mapped onto {@code inputRange}, then
     * {@code (v - mean) / std} per channel.
     */
    static float[] forManifest(BufferedImage image, int width, int height, double[] inputRange, double[] mean,
                               double[] std, boolean nchw) {
        double span = (inputRange[1] - inputRange[0]) / 255;
        double[] levelMean = new double[3];
        double[] levelStd = new double[3];
        for (int c = 0; c < 3; c++) {
            levelMean[c] = (mean[c] - inputRange[0]) / span;
            levelStd[c] = std[c] / span;
        }
        return normalised(resized(image, width, height), width, height, levelMean, levelStd, nchw);
    }

    private static float lerp(float a, float b, float t) {
        return a * (1 - t) + b * t;
    }

    private static float level(int argb, int shift) {
        return (argb >> shift) & 0xFF;
    }

    private static float clamp(float v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
