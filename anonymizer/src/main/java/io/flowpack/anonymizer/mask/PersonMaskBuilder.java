package io.flowpack.anonymizer.mask;

import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.detect.Region;
import io.flowpack.imaging.Pixels;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Turns detections into the mask of pixels to remove. Per detection: the box, enlarged by the crop margin (and
 * {@link #HEADROOM} above), is segmented ({@link SelfieSegmenter}); pixels at or above the threshold are person — or the whole box when the
 * segmentation covers less than the minimum share of it; that is grown by a share of the person's height and
 * feathered ({@link MaskGrowth}). Detections are united. A supplied mask (from a human review) replaces or
 * extends the result.
 */
public final class PersonMaskBuilder {
    /**
     * Extra room above the box, as a share of its height, that the segmenter also sees: detectors often end the
     * box at the forehead, leaving hats and hair outside (seen on samples/visitor-brick-wall.jpg).
     */
    static final double HEADROOM = 0.25;
    private final SelfieSegmenter segmenter;
    private final MaskSettings settings;

    public PersonMaskBuilder(SelfieSegmenter segmenter, MaskSettings settings) {
        this.segmenter = segmenter;
        this.settings = settings;
    }

    /** The automatic mask of the detections. */
    public PersonMask build(BufferedImage image, List<PersonBox> people) {
        BufferedImage rgb = Pixels.toIntRgb(image);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] argb = Pixels.argb(rgb);
        PersonMask mask = PersonMask.empty(width, height);
        for (PersonBox person : people) {
            addPerson(argb, width, height, person, mask.alpha());
        }
        return mask;
    }

    /**
     * The mask with a supplied one: {@code REPLACE} skips the detections, {@code EXTEND} adds the supplied mask to
     * theirs. The supplied mask is a grayscale (or colour: the brightest channel counts) image, white = remove,
     * stretched to the image's size when it differs.
     */
    public PersonMask build(BufferedImage image, List<PersonBox> people, BufferedImage supplied, MaskMode mode) {
        PersonMask mask = mode == MaskMode.REPLACE ? PersonMask.empty(image.getWidth(), image.getHeight())
                : build(image, people);
        addSupplied(mask, supplied);
        return mask;
    }

    /** Brightens {@code mask} to the supplied mask wherever that is brighter. */
    public static void addSupplied(PersonMask mask, BufferedImage supplied) {
        BufferedImage sized = Pixels.toIntRgb(supplied);
        if (sized.getWidth() != mask.width() || sized.getHeight() != mask.height()) {
            BufferedImage scaled = Pixels.create(mask.width(), mask.height(), false);
            Graphics2D g = scaled.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(sized, 0, 0, mask.width(), mask.height(), null);
            } finally {
                g.dispose();
            }
            sized = scaled;
        }
        int[] argb = Pixels.argb(sized);
        byte[] alpha = mask.alpha();
        for (int i = 0; i < alpha.length; i++) {
            int p = argb[i];
            int level = Math.max((p >> 16) & 0xff, Math.max((p >> 8) & 0xff, p & 0xff));
            if (level > (alpha[i] & 0xff)) {
                alpha[i] = (byte) level;
            }
        }
    }

    private void addPerson(int[] argb, int width, int height, PersonBox person, byte[] target) {
        Region box = clip(person.x(), person.y(), person.right(), person.bottom(), width, height);
        if (box == null) {
            return;
        }
        double mx = person.width() * settings.cropMargin() / 2;
        double my = person.height() * settings.cropMargin() / 2;
        double headroom = person.height() * HEADROOM;
        Region crop = clip(person.x() - mx, person.y() - my - headroom, person.right() + mx, person.bottom() + my,
                width, height);
        double radius = settings.dilation() * person.height();
        int reach = (int) Math.ceil(radius) + settings.feather() + 1;
        Region area = clip(crop.x() - reach, crop.y() - reach, crop.right() + reach, crop.bottom() + reach,
                width, height);
        boolean[] core = new boolean[area.width() * area.height()];
        float[] probability = segmenter.segment(argb, width, crop);
        int inBox = paint(probability, crop, area, box, core);
        if (inBox < settings.minCoverage() * box.width() * box.height()) {
            for (int y = box.y(); y < box.bottom(); y++) {
                int row = (y - area.y()) * area.width() - area.x();
                java.util.Arrays.fill(core, row + box.x(), row + box.right(), true);
            }
        }
        MaskGrowth.growInto(core, area.width(), area.height(), radius, settings.feather(), target, width,
                area.x(), area.y());
    }

    /** Sets the core where the bilinearly resampled probability reaches the threshold; counts those in the box. */
    private int paint(float[] probability, Region crop, Region area, Region box, boolean[] core) {
        int size = SelfieSegmenter.SIZE;
        int[] u0 = new int[crop.width()];
        float[] fu = new float[crop.width()];
        for (int x = 0; x < crop.width(); x++) {
            float u = Math.max(0, Math.min(size - 1, (x + 0.5f) * size / crop.width() - 0.5f));
            u0[x] = Math.min((int) u, size - 2);
            fu[x] = u - u0[x];
        }
        float threshold = (float) settings.threshold();
        int inBox = 0;
        for (int y = 0; y < crop.height(); y++) {
            float v = Math.max(0, Math.min(size - 1, (y + 0.5f) * size / crop.height() - 0.5f));
            int v0 = Math.min((int) v, size - 2);
            float fv = v - v0;
            int imageY = crop.y() + y;
            int row = (imageY - area.y()) * area.width() + crop.x() - area.x();
            for (int x = 0; x < crop.width(); x++) {
                int at = v0 * size + u0[x];
                float top = probability[at] + (probability[at + 1] - probability[at]) * fu[x];
                float bottom = probability[at + size] + (probability[at + size + 1] - probability[at + size]) * fu[x];
                if (top + (bottom - top) * fv >= threshold) {
                    core[row + x] = true;
                    int imageX = crop.x() + x;
                    if (imageX >= box.x() && imageX < box.right() && imageY >= box.y() && imageY < box.bottom()) {
                        inBox++;
                    }
                }
            }
        }
        return inBox;
    }

    /** The whole pixels of a rectangle inside the image, or null when nothing of it is. */
    private static Region clip(double left, double top, double right, double bottom, int width, int height) {
        int x0 = (int) Math.max(0, Math.floor(left));
        int y0 = (int) Math.max(0, Math.floor(top));
        int x1 = (int) Math.min(width, Math.ceil(right));
        int y1 = (int) Math.min(height, Math.ceil(bottom));
        return x1 > x0 && y1 > y0 ? new Region(x0, y0, x1 - x0, y1 - y0) : null;
    }
}
