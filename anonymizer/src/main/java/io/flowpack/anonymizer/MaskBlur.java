package io.flowpack.anonymizer;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;

/**
 * The {@code overShare=blur} policy: people are made unrecognisable by a strong box blur (three passes, radius
 * 3 % of the long edge) blended in by the mask, instead of inventing most of a room.
 */
final class MaskBlur {

    private MaskBlur() {
    }

    static BufferedImage apply(BufferedImage image, float[] mask) {
        int width = image.getWidth();
        int height = image.getHeight();
        int radius = Math.max(2, Math.round(Math.max(width, height) * 0.03f));
        int[] source = Pixels.argb(Opaque.of(image));
        int[] blurred = source.clone();
        for (int pass = 0; pass < 3; pass++) {
            blurred = boxPass(blurred, width, height, radius, true);
            blurred = boxPass(blurred, width, height, radius, false);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] target = Pixels.argb(out);
        for (int i = 0; i < target.length; i++) {
            float w = Math.min(1f, mask[i] * 2f);
            target[i] = w <= 0 ? source[i] : mix(source[i], blurred[i], w);
        }
        return out;
    }

    private static int[] boxPass(int[] in, int width, int height, int radius, boolean horizontal) {
        int[] out = new int[in.length];
        int lines = horizontal ? height : width;
        int length = horizontal ? width : height;
        int step = horizontal ? 1 : width;
        for (int line = 0; line < lines; line++) {
            int base = horizontal ? line * width : line;
            long r = 0;
            long g = 0;
            long b = 0;
            for (int k = -radius; k <= radius; k++) {
                int p = in[base + clamp(k, length) * step];
                r += p >> 16 & 0xFF;
                g += p >> 8 & 0xFF;
                b += p & 0xFF;
            }
            int window = 2 * radius + 1;
            for (int i = 0; i < length; i++) {
                out[base + i * step] = (int) (r / window) << 16 | (int) (g / window) << 8 | (int) (b / window);
                int leaving = in[base + clamp(i - radius, length) * step];
                int entering = in[base + clamp(i + radius + 1, length) * step];
                r += (entering >> 16 & 0xFF) - (leaving >> 16 & 0xFF);
                g += (entering >> 8 & 0xFF) - (leaving >> 8 & 0xFF);
                b += (entering & 0xFF) - (leaving & 0xFF);
            }
        }
        return out;
    }

    private static int clamp(int i, int length) {
        return i < 0 ? 0 : i >= length ? length - 1 : i;
    }

    private static int mix(int a, int b, float w) {
        int r = Math.round((a >> 16 & 0xFF) * (1 - w) + (b >> 16 & 0xFF) * w);
        int g = Math.round((a >> 8 & 0xFF) * (1 - w) + (b >> 8 & 0xFF) * w);
        int bl = Math.round((a & 0xFF) * (1 - w) + (b & 0xFF) * w);
        return r << 16 | g << 8 | bl;
    }
}
