package io.flowpack.comfy.nodes.pixels;

import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link MaskBatch} (ComfyUI's {@code MASK}, 1 = masked) to and from images: a mask image is grey, white = 1
 * (flowpack's review masks use the same convention: white = the area to change).
 */
public final class MaskBatches {

    /** The channel a mask is read from, as {@code LoadImageMask} names them. */
    public enum Channel {
        ALPHA(24), RED(16), GREEN(8), BLUE(0);

        private final int shift;

        Channel(int shift) {
            this.shift = shift;
        }

        /** {@code alpha}, {@code red}, … as in ComfyUI's combo. */
        public String comfyName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private MaskBatches() {
    }

    /**
     * One channel of an image as a mask, as ComfyUI's {@code LoadImageMask}: colour channels raw, alpha inverted
     * ({@code 1 - a}); an image without alpha counts as opaque, so its alpha mask is all 0.
     */
    public static float[] fromChannel(BufferedImage image, Channel channel) {
        BufferedImage standard = Pixels.toIntRgb(image);
        boolean hasAlpha = standard.getColorModel().hasAlpha();
        int[] argb = Pixels.argb(standard);
        float[] mask = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            if (channel == Channel.ALPHA) {
                mask[i] = hasAlpha ? 1f - (argb[i] >>> 24) / 255f : 0f;
            } else {
                mask[i] = ((argb[i] >> channel.shift) & 0xff) / 255f;
            }
        }
        return mask;
    }

    /** Whether the image has an alpha channel that is not fully opaque everywhere. */
    public static boolean hasTransparency(BufferedImage image) {
        BufferedImage standard = Pixels.toIntRgb(image);
        if (!standard.getColorModel().hasAlpha()) {
            return false;
        }
        for (int p : Pixels.argb(standard)) {
            if ((p >>> 24) != 0xff) {
                return true;
            }
        }
        return false;
    }

    /** A mask as a grey TYPE_INT_RGB image, white = 1. */
    public static BufferedImage image(MaskBatch batch, int index) {
        float[] mask = batch.masks().get(index);
        BufferedImage image = Pixels.create(batch.width(), batch.height(), false);
        int[] argb = Pixels.argb(image);
        for (int i = 0; i < argb.length; i++) {
            int v = ImageBatches.toByte(mask[i]);
            argb[i] = v << 16 | v << 8 | v;
        }
        return image;
    }

    /** A grey image (the brightest channel counts, white = 1) as a mask. */
    public static float[] fromGrey(BufferedImage image) {
        int[] argb = Pixels.argb(Pixels.toIntRgb(image));
        float[] mask = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            mask[i] = Math.max((p >> 16) & 0xff, Math.max((p >> 8) & 0xff, p & 0xff)) / 255f;
        }
        return mask;
    }

    /** An all-zero batch of {@code count} masks, e.g. ComfyUI's 64×64 "no alpha" mask. */
    public static MaskBatch zeros(int width, int height, int count) {
        List<float[]> masks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            masks.add(new float[width * height]);
        }
        return new MaskBatch(width, height, masks);
    }

    /** Mask {@code index} of a batch, repeated cyclically when the batch is shorter (ComfyUI's repeat_to_batch_size). */
    public static float[] cyclic(MaskBatch batch, int index) {
        return batch.masks().get(index % batch.size());
    }
}
