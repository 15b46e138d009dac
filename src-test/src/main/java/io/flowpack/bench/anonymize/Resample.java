package io.flowpack.bench.anonymize;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Scaling for the synthetic set: halving steps while more than 2× too large, then one bilinear step. */
final class Resample {
    private Resample() {
    }

    /** A scaled copy of the same type ({@code TYPE_INT_ARGB_PRE} for images with alpha, else TYPE_INT_RGB). */
    static BufferedImage scale(BufferedImage src, int width, int height) {
        int type = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB_PRE : BufferedImage.TYPE_INT_RGB;
        BufferedImage current = src;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, type);
        }
        return draw(current, width, height, type);
    }

    /** The centred {@code width × height} part of {@code src} after scaling it to cover that size. */
    static BufferedImage cover(BufferedImage src, int width, int height) {
        double factor = Math.max((double) width / src.getWidth(), (double) height / src.getHeight());
        int w = Math.max(width, (int) Math.round(src.getWidth() * factor));
        int h = Math.max(height, (int) Math.round(src.getHeight() * factor));
        BufferedImage scaled = scale(src, w, h);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(scaled, -(w - width) / 2, -(h - height) / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage draw(BufferedImage src, int width, int height, int type) {
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
