package io.flowpack.morph;

import io.flowpack.imaging.Pixels;
import io.flowpack.upscale.LanczosResampler;

import java.awt.image.BufferedImage;

/**
 * Brings a keyframe to the video's size by "cover": scaled (Lanczos-3) until it fills the frame, then the centre
 * cut out, so no keyframe is distorted or letterboxed.
 */
final class KeyframeImages {

    private KeyframeImages() {
    }

    static RgbFrame cover(BufferedImage image, int width, int height) {
        BufferedImage rgb = Pixels.toIntRgb(image);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        if (w != width || h != height) {
            double scale = Math.max((double) width / w, (double) height / h);
            int sw = Math.max(width, (int) Math.round(w * scale));
            int sh = Math.max(height, (int) Math.round(h * scale));
            BufferedImage scaled = sw == w && sh == h ? rgb : Pixels.toIntRgb(LanczosResampler.resize(rgb, sw, sh));
            rgb = scaled.getSubimage((sw - width) / 2, (sh - height) / 2, width, height);
        }
        int[] pixels = new int[width * height];
        rgb.getRGB(0, 0, width, height, pixels, 0, width);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xffffff;
        }
        return new RgbFrame(width, height, pixels);
    }
}
