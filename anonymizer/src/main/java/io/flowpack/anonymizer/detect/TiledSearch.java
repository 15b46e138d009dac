package io.flowpack.anonymizer.detect;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a single-pass detector over the whole image and its tiles ({@link TileGrid}), drops boxes below the
 * minimum size, and merges the rest ({@link BoxMerger}).
 *
 * <p>With {@link #run(BufferedImage, DetectionSettings, RegionDetector, boolean) multiScale} two more rules apply.
 * An image that fits one tile (so the plain search sees it only whole) is also searched in a 2×2 grid of tiles
 * overlapping by {@link #MID_OVERLAP}, an intermediate scale that finds mid-size people the whole-image pass scores
 * too low. And in an image large enough for tiles, a whole-image box scoring below {@link #CONFIRM_SCORE} is kept
 * only when a tile box lies mostly inside it or it mostly inside a tile box: the whole-image pass of a large photo
 * shrinks it so far that weak boxes there are often texture, not people.
 */
public final class TiledSearch {
    /** A box within this share of a tile's inner edge counts as cut by it. */
    private static final double EDGE_SHARE = 0.01;
    /** Overlap of the intermediate 2×2 grid. */
    static final double MID_OVERLAP = 0.4;
    /** The intermediate grid is skipped when its tiles would have a long side below this (too much upscaling). */
    static final int MID_MIN_TILE = 208;
    /** Whole-image boxes of a tiled image scoring below this need a tile box to confirm them. */
    static final double CONFIRM_SCORE = 0.5;
    private static final double MOSTLY = 0.5;

    private TiledSearch() {
    }

    public static List<PersonBox> run(BufferedImage image, DetectionSettings settings, RegionDetector detector) {
        return run(image, settings, detector, false);
    }

    /**
     * As {@link #run(BufferedImage, DetectionSettings, RegionDetector)}; with {@code multiScale} also the
     * intermediate grid for images that fit one tile, and confirmation of weak whole-image boxes in tiled images.
     */
    public static List<PersonBox> run(BufferedImage image, DetectionSettings settings, RegionDetector detector,
                                      boolean multiScale) {
        BufferedImage rgb = Pixels.toIntRgb(image);
        int[] argb = Pixels.argb(rgb);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        List<Region> regions = new ArrayList<>(TileGrid.plan(width, height, settings.tileSize(),
                settings.tileOverlap()));
        boolean tiled = regions.size() > 1;
        if (multiScale && !tiled && settings.tileSize() > 0) {
            for (Region r : TileGrid.grid(width, height, 2, 2, MID_OVERLAP)) {
                if (Math.max(r.width(), r.height()) >= MID_MIN_TILE && !regions.contains(r)) {
                    regions.add(r);
                }
            }
        }
        List<PersonBox> wholeBoxes = new ArrayList<>();
        List<PersonBox> tileBoxes = new ArrayList<>();
        List<Boolean> tileCut = new ArrayList<>();
        for (int n = 0; n < regions.size(); n++) {
            Region region = regions.get(n);
            for (PersonBox box : detector.detect(argb, width, height, region)) {
                if (Math.min(box.width(), box.height()) >= settings.minSize()) {
                    if (n == 0) {
                        wholeBoxes.add(box);
                    } else {
                        tileBoxes.add(box);
                        tileCut.add(cutByInnerEdge(box, region, width, height));
                    }
                }
            }
        }
        BoxMerger merger = new BoxMerger(settings.iouThreshold());
        for (PersonBox box : wholeBoxes) {
            if (!multiScale || !tiled || box.score() >= CONFIRM_SCORE
                    || tileBoxes.stream().anyMatch(t -> overlapsMostly(t, box))) {
                merger.add(box, false);
            }
        }
        for (int i = 0; i < tileBoxes.size(); i++) {
            merger.add(tileBoxes.get(i), tileCut.get(i));
        }
        return merger.merged();
    }

    /** Whether most of the smaller of the two boxes lies inside the other. */
    private static boolean overlapsMostly(PersonBox a, PersonBox b) {
        double intersection = a.intersection(b);
        return intersection > 0 && intersection / Math.min(a.area(), b.area()) > MOSTLY;
    }

    private static boolean cutByInnerEdge(PersonBox box, Region region, int width, int height) {
        double mx = Math.max(2, region.width() * EDGE_SHARE);
        double my = Math.max(2, region.height() * EDGE_SHARE);
        return (region.x() > 0 && box.x() - region.x() < mx)
                || (region.y() > 0 && box.y() - region.y() < my)
                || (region.right() < width && region.right() - box.right() < mx)
                || (region.bottom() < height && region.bottom() - box.bottom() < my);
    }
}
