package io.flowpack.anonymizer;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;

/** The RGB picture of a decoded image (TYPE_INT_RGB); alpha is kept aside by the step and put back afterwards. */
final class Opaque {

    private Opaque() {
    }

    static BufferedImage of(BufferedImage image) {
        return image.getColorModel().hasAlpha() ? Pixels.flatten(image, 0x000000) : Pixels.toIntRgb(image);
    }

    /** {@code rgb}'s colours with {@code original}'s alpha, when the original had one. */
    static BufferedImage withAlphaOf(BufferedImage rgb, BufferedImage original) {
        if (!original.getColorModel().hasAlpha()) {
            return rgb;
        }
        BufferedImage out = Pixels.create(rgb.getWidth(), rgb.getHeight(), true);
        int[] target = Pixels.argb(out);
        int[] colours = Pixels.argb(rgb);
        int[] alpha = Pixels.argb(Pixels.toIntRgb(original));
        for (int i = 0; i < target.length; i++) {
            target[i] = (alpha[i] & 0xFF000000) | (colours[i] & 0xFFFFFF);
        }
        return out;
    }
}
