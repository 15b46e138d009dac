package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;

/** Float planes of 1 (mask) or 3 (RGB) channels through 8-bit images, for operations that work on images. */
final class Planes {

    private Planes() {
    }

    static BufferedImage toImage(float[] plane, int width, int height, int channels) {
        BufferedImage image = Pixels.create(width, height, false);
        int[] argb = Pixels.argb(image);
        for (int i = 0; i < argb.length; i++) {
            if (channels == 1) {
                int v = ImageBatches.toByte(plane[i]);
                argb[i] = v << 16 | v << 8 | v;
            } else {
                int o = i * channels;
                argb[i] = ImageBatches.toByte(plane[o]) << 16 | ImageBatches.toByte(plane[o + 1]) << 8
                        | ImageBatches.toByte(plane[o + 2]);
            }
        }
        return image;
    }

    static float[] fromImage(BufferedImage image, int channels) {
        if (channels == 3) {
            return ImageBatches.pixels(image);
        }
        int[] argb = Pixels.argb(Pixels.toIntRgb(image));
        float[] plane = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            plane[i] = ((argb[i] >> 16) & 0xff) / 255f;
        }
        return plane;
    }

    /** The {@code w × h} region at {@code (x, y)} of an RGB plane {@code width} pixels wide. */
    static float[] crop(float[] rgb, int width, int x, int y, int w, int h) {
        float[] out = new float[w * h * 3];
        for (int row = 0; row < h; row++) {
            System.arraycopy(rgb, ((y + row) * width + x) * 3, out, row * w * 3, w * 3);
        }
        return out;
    }
}
