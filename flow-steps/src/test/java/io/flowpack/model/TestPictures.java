package io.flowpack.model;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.Random;

/** Images for the model tests, and the comparisons they need. */
public final class TestPictures {

    private TestPictures() {
    }

    /** Gradients plus noise, so every pixel differs from its neighbours and any misplaced pixel shows. */
    public static BufferedImage noisy(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = Pixels.create(width, height, false);
        int[] pixels = Pixels.argb(image);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(255.0 * x / width + random.nextInt(61) - 30);
                int g = clamp(255.0 * y / height + random.nextInt(61) - 30);
                int b = random.nextInt(256);
                pixels[y * width + x] = 0xff000000 | r << 16 | g << 8 | b;
            }
        }
        return image;
    }

    /** Every pixel repeated {@code scale × scale} times. */
    public static BufferedImage nearest(BufferedImage source, int scale) {
        BufferedImage rgb = Pixels.toIntRgb(source);
        int width = rgb.getWidth();
        int[] in = Pixels.argb(rgb);
        BufferedImage out = Pixels.create(width * scale, rgb.getHeight() * scale, false);
        int[] pixels = Pixels.argb(out);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                pixels[y * out.getWidth() + x] = in[(y / scale) * width + x / scale];
            }
        }
        return out;
    }

    /** The largest difference of any R, G or B level between two images of the same size. */
    public static int maxDifference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new AssertionError("sizes differ: " + a.getWidth() + "×" + a.getHeight() + " vs "
                    + b.getWidth() + "×" + b.getHeight());
        }
        int[] pa = Pixels.argb(Pixels.toIntRgb(a));
        int[] pb = Pixels.argb(Pixels.toIntRgb(b));
        int max = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                max = Math.max(max, Math.abs(((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff)));
            }
        }
        return max;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
