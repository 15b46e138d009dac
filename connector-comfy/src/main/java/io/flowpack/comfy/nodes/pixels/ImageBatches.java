package io.flowpack.comfy.nodes.pixels;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ImageBatch} (ComfyUI's float {@code IMAGE}) to and from 8-bit sRGB {@link BufferedImage}s. Floats are
 * {@code byte / 255}; the way back rounds to the nearest byte and clamps (ComfyUI truncates, which can turn a
 * stored 200 into 199 after a round trip; rounding keeps an unchanged image byte for byte).
 */
public final class ImageBatches {

    private ImageBatches() {
    }

    /** One byte from a 0..1 float: clamped, rounded; NaN is 0. */
    public static int toByte(float value) {
        if (!(value > 0)) {
            return 0;
        }
        return value >= 1 ? 255 : Math.round(value * 255f);
    }

    /** The RGB of any image (alpha ignored) as one batch item. */
    public static float[] pixels(BufferedImage image) {
        int[] argb = Pixels.argb(Pixels.toIntRgb(image));
        float[] rgb = new float[argb.length * 3];
        for (int i = 0, o = 0; i < argb.length; i++, o += 3) {
            int p = argb[i];
            rgb[o] = ((p >> 16) & 0xff) / 255f;
            rgb[o + 1] = ((p >> 8) & 0xff) / 255f;
            rgb[o + 2] = (p & 0xff) / 255f;
        }
        return rgb;
    }

    /** A batch of one image. */
    public static ImageBatch of(BufferedImage image) {
        return new ImageBatch(image.getWidth(), image.getHeight(), List.of(pixels(image)));
    }

    /**
     * A batch of same-sized images.
     *
     * @throws IllegalArgumentException naming the first image whose size differs from the first's
     */
    public static ImageBatch of(List<BufferedImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("an image batch needs at least one image");
        }
        int width = images.get(0).getWidth();
        int height = images.get(0).getHeight();
        List<float[]> items = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            if (image.getWidth() != width || image.getHeight() != height) {
                throw new IllegalArgumentException("image " + (i + 1) + " of the batch is " + image.getWidth() + "x"
                        + image.getHeight() + " but the first is " + width + "x" + height
                        + "; a batch holds images of one size");
            }
            items.add(pixels(image));
        }
        return new ImageBatch(width, height, items);
    }

    /** Batch item {@code index} as a TYPE_INT_RGB image. */
    public static BufferedImage image(ImageBatch batch, int index) {
        float[] rgb = batch.images().get(index);
        BufferedImage image = Pixels.create(batch.width(), batch.height(), false);
        int[] argb = Pixels.argb(image);
        for (int i = 0, o = 0; i < argb.length; i++, o += 3) {
            argb[i] = toByte(rgb[o]) << 16 | toByte(rgb[o + 1]) << 8 | toByte(rgb[o + 2]);
        }
        return image;
    }

    /** Every batch item as a TYPE_INT_RGB image. */
    public static List<BufferedImage> images(ImageBatch batch) {
        List<BufferedImage> images = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            images.add(image(batch, i));
        }
        return images;
    }

    /** Batch item {@code index} with {@code alpha} (a 0..1 opacity per pixel) as a TYPE_INT_ARGB image. */
    public static BufferedImage imageWithAlpha(ImageBatch batch, int index, float[] alpha) {
        BufferedImage rgb = image(batch, index);
        int[] colour = Pixels.argb(rgb);
        BufferedImage image = Pixels.create(batch.width(), batch.height(), true);
        int[] argb = Pixels.argb(image);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = toByte(alpha[i]) << 24 | (colour[i] & 0xffffff);
        }
        return image;
    }
}
