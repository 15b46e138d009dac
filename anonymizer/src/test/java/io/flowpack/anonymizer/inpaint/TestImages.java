package io.flowpack.anonymizer.inpaint;

import io.flowpack.imaging.Pixels;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Images and masks the inpainting tests share. */
final class TestImages {
    private TestImages() {
    }

    /** Horizontal stripes, 8 rows each, red/white left of x = width/2 and blue/yellow right of it. */
    static BufferedImage stripes(int width, int height) {
        BufferedImage image = Pixels.create(width, height, false);
        int[] px = Pixels.argb(image);
        for (int y = 0; y < height; y++) {
            boolean even = (y / 8) % 2 == 0;
            for (int x = 0; x < width; x++) {
                px[x + y * width] = x < width / 2 ? (even ? 0xC02020 : 0xF0F0F0) : (even ? 0x2030B0 : 0xE0D040);
            }
        }
        return image;
    }

    /** A sample photo from the repository's samples/ folder, as TYPE_INT_RGB. */
    static BufferedImage sample(String name) {
        try {
            return Pixels.toIntRgb(ImageIO.read(Path.of("..", "samples", name).toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1 inside the rectangle, a linear 4-pixel feather outside it when {@code feather}. */
    static float[] rectangle(int width, int height, int x0, int y0, int x1, int y1, boolean feather) {
        float[] mask = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int dx = Math.max(0, Math.max(x0 - x, x - x1));
                int dy = Math.max(0, Math.max(y0 - y, y - y1));
                int d = Math.max(dx, dy);
                mask[x + y * width] = d == 0 ? 1f : feather && d <= 4 ? 0.5f - d / 10f : 0f;
            }
        }
        return mask;
    }

    /** Each hole pixel the mean of all pixels outside the hole: the fill a blur converges to. */
    static int[] meanFill(int[] rgb, float[] mask) {
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (mask[i] < SoftMask.FILL) {
                r += (rgb[i] >> 16) & 0xff;
                g += (rgb[i] >> 8) & 0xff;
                b += rgb[i] & 0xff;
                n++;
            }
        }
        int mean = (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
        int[] out = rgb.clone();
        for (int i = 0; i < rgb.length; i++) {
            if (mask[i] >= SoftMask.FILL) {
                out[i] = mean;
            }
        }
        return out;
    }

    /** Diffusion from the rim inwards (each pixel the mean of its known neighbours), a smooth baseline fill. */
    static int[] diffusionFill(int[] rgb, float[] mask, int width, int height) {
        float[] hard = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            hard[i] = mask[i] >= SoftMask.FILL ? 1f : 0f;
        }
        ImageLevel level = ImageLevel.crop(rgb, hard, width, 0, 0, width, height);
        level.onionPeel();
        int[] out = new int[rgb.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = level.red[i] << 16 | level.green[i] << 8 | level.blue[i];
        }
        return out;
    }

    static double meanAbsError(int[] truth, int[] result, float[] mask) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < truth.length; i++) {
            if (mask[i] >= SoftMask.FILL) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((truth[i] >> shift) & 0xff) - ((result[i] >> shift) & 0xff));
                }
                n += 3;
            }
        }
        return sum / n;
    }

    /** Pixels whose mask is exactly 0 and that differ between the two images. */
    static int changedOutside(int[] before, int[] after, float[] mask) {
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            if (mask[i] == 0f && (before[i] & 0xffffff) != (after[i] & 0xffffff)) {
                changed++;
            }
        }
        return changed;
    }
}
