package io.flowpack.bench.anonymize;

import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.detect.Region;
import io.flowpack.anonymizer.mask.SelfieSegmenter;
import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A person cut out of a photo with a soft alpha: the detector's best box (enlarged by a margin) is segmented by the
 * bundled {@code selfie} model and the probability, bilinearly resampled, becomes the alpha. The result is cropped
 * to the pixels with alpha above 0.05.
 */
final class PersonCutout {
    private static final double MARGIN = 0.15;
    private static final int EDGE = 13;   // 0.05 × 255

    private PersonCutout() {
    }

    /** A TYPE_INT_ARGB image: the photo's colours, alpha = person probability. */
    static BufferedImage cut(BufferedImage photo, AnonymizerParts parts) {
        BufferedImage rgb = Pixels.toIntRgb(photo);
        List<PersonBox> people = parts.detect(rgb);
        if (people.isEmpty()) {
            throw new IllegalStateException("no person found to cut out");
        }
        PersonBox best = people.get(0);
        int w = rgb.getWidth();
        int h = rgb.getHeight();
        int x0 = (int) Math.max(0, Math.floor(best.x() - best.width() * MARGIN / 2));
        int y0 = (int) Math.max(0, Math.floor(best.y() - best.height() * MARGIN / 2));
        int x1 = (int) Math.min(w, Math.ceil(best.right() + best.width() * MARGIN / 2));
        int y1 = (int) Math.min(h, Math.ceil(best.bottom() + best.height() * MARGIN / 2));
        Region crop = new Region(x0, y0, x1 - x0, y1 - y0);
        int[] argb = Pixels.argb(rgb);
        float[] probability = parts.segmenter.segment(argb, w, crop);
        int[] alpha = new int[crop.width() * crop.height()];
        int size = SelfieSegmenter.SIZE;
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int y = 0; y < crop.height(); y++) {
            float v = clamp((y + 0.5f) * size / crop.height() - 0.5f, size - 1);
            int v0 = Math.min((int) v, size - 2);
            float fv = v - v0;
            for (int x = 0; x < crop.width(); x++) {
                float u = clamp((x + 0.5f) * size / crop.width() - 0.5f, size - 1);
                int u0 = Math.min((int) u, size - 2);
                float fu = u - u0;
                int at = v0 * size + u0;
                float top = probability[at] + (probability[at + 1] - probability[at]) * fu;
                float bottom = probability[at + size] + (probability[at + size + 1] - probability[at + size]) * fu;
                int a = Math.round(255 * clamp(top + (bottom - top) * fv, 1));
                alpha[y * crop.width() + x] = a;
                if (a > EDGE) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            throw new IllegalStateException("segmentation found no person pixels");
        }
        BufferedImage out = new BufferedImage(maxX - minX + 1, maxY - minY + 1, BufferedImage.TYPE_INT_ARGB);
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                int colour = argb[(crop.y() + y) * w + crop.x() + x] & 0xffffff;
                out.setRGB(x - minX, y - minY, (alpha[y * crop.width() + x] << 24) | colour);
            }
        }
        return out;
    }

    private static float clamp(float value, float max) {
        return Math.max(0, Math.min(max, value));
    }
}
