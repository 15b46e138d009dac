package io.flowpack.anonymizer.audit;

import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.mask.PersonMask;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The picture a person checks before trusting the result: the original, scaled to at most {@value #MAX_EDGE} px on
 * its long edge, tinted red ({@value #TINT} at full mask) where pixels were removed, each detection outlined and
 * labelled with its score. The step encodes it as JPEG.
 */
public final class ReviewPreview {
    public static final int MAX_EDGE = 1600;
    public static final double TINT = 0.45;
    private static final int RED = 0xFF2020;
    private static final Color BOX = new Color(255, 220, 0);

    private ReviewPreview() {
    }

    /** @param mask the removal mask at the original's size */
    public static BufferedImage build(BufferedImage original, PersonMask mask, List<PersonBox> detections) {
        int width = original.getWidth();
        int height = original.getHeight();
        if (mask.width() != width || mask.height() != height) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height() + ", picture is "
                    + width + "x" + height);
        }
        double scale = Math.min(1.0, (double) MAX_EDGE / Math.max(width, height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        BufferedImage preview = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = preview.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(original, 0, 0, w, h, null);
            tint(preview, mask);
            outline(g, detections, scale, w);
        } finally {
            g.dispose();
        }
        return preview;
    }

    private static void tint(BufferedImage preview, PersonMask mask) {
        int w = preview.getWidth();
        int h = preview.getHeight();
        byte[] alpha = mask.alpha();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            int sourceY = Math.min(mask.height() - 1, (int) ((y + 0.5) * mask.height() / h));
            preview.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int sourceX = Math.min(mask.width() - 1, (int) ((x + 0.5) * mask.width() / w));
                int a = alpha[sourceY * mask.width() + sourceX] & 0xFF;
                if (a > 0) {
                    row[x] = blend(row[x], TINT * a / 255.0);
                }
            }
            preview.setRGB(0, y, w, 1, row, 0, w);
        }
    }

    private static int blend(int rgb, double weight) {
        int r = mix(rgb >> 16 & 0xFF, RED >> 16 & 0xFF, weight);
        int g = mix(rgb >> 8 & 0xFF, RED >> 8 & 0xFF, weight);
        int b = mix(rgb & 0xFF, RED & 0xFF, weight);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int from, int to, double weight) {
        return (int) Math.round(from + (to - from) * weight);
    }

    private static void outline(Graphics2D g, List<PersonBox> detections, double scale, int width) {
        float stroke = Math.max(1.5f, width / 600f);
        g.setStroke(new BasicStroke(stroke));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, Math.round(width / 80f))));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (PersonBox box : detections) {
            int x = (int) Math.round(box.x() * scale);
            int y = (int) Math.round(box.y() * scale);
            g.setColor(BOX);
            g.drawRect(x, y, (int) Math.round(box.width() * scale), (int) Math.round(box.height() * scale));
            String label = String.format(Locale.ROOT, "%.2f", box.score());
            int textY = y > g.getFontMetrics().getAscent() + 2 ? y - 3 : y + g.getFontMetrics().getAscent() + 2;
            g.setColor(Color.BLACK);
            g.drawString(label, x + 3, textY + 1);
            g.setColor(BOX);
            g.drawString(label, x + 2, textY);
        }
    }
}
