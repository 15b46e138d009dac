package io.flowpack.anonymizer.inpaint;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;

/** The rules every {@link Inpainter} applies to a soft (feathered) mask. */
public final class SoftMask {
    /** At or above this value a pixel is part of the hole and gets replaced entirely. */
    public static final float FILL = 0.5f;

    private SoftMask() {
    }

    /** Whether the pixel is touched at all (hole or seam). */
    public static boolean touched(float value) {
        return value > 0f;
    }

    /** The weight of the filled value in the output: 1 in the hole, {@code 2 * mask} in the seam, 0 outside. */
    public static float blend(float value) {
        return value >= FILL ? 1f : value <= 0f ? 0f : value / FILL;
    }

    /** @throws IllegalArgumentException when the mask does not have one value per pixel */
    public static void check(float[] mask, int width, int height) {
        if (mask == null || mask.length != width * height) {
            throw new IllegalArgumentException("mask has " + (mask == null ? "no" : mask.length) + " values, the image "
                    + width + "×" + height + " needs " + width * height);
        }
    }

    /** A mask from a gray image: white = 1 (fill), black = 0; uses the green channel. */
    public static float[] fromImage(BufferedImage maskImage) {
        int[] argb = Pixels.argb(Pixels.toIntRgb(maskImage));
        float[] mask = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            mask[i] = ((argb[i] >> 8) & 0xff) / 255f;
        }
        return mask;
    }

    /** Writes {@code filled} over {@code original} with the {@link #blend} weight of each pixel (both 0xRRGGBB). */
    public static void composite(int[] original, int[] filled, float[] mask, int[] out) {
        for (int i = 0; i < out.length; i++) {
            float a = blend(mask[i]);
            if (a <= 0f) {
                out[i] = original[i];
            } else if (a >= 1f) {
                out[i] = filled[i] & 0xffffff;
            } else {
                int o = original[i];
                int f = filled[i];
                out[i] = mix(o >> 16, f >> 16, a) << 16 | mix(o >> 8, f >> 8, a) << 8 | mix(o, f, a);
            }
        }
    }

    private static int mix(int original, int filled, float a) {
        return Math.round((original & 0xff) * (1f - a) + (filled & 0xff) * a);
    }
}
