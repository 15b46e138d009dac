package io.flowpack.anonymizer.detect;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Runs a single-pass detector over the whole image and its tiles ({@link TileGrid}), drops boxes below the
 * minimum size, and merges the rest ({@link BoxMerger}).
 */
public final class TiledSearch {
    /** A box within this share of a tile's inner edge counts as cut by it. */
    private static final double EDGE_SHARE = 0.01;

    private TiledSearch() {
    }

    public static List<PersonBox> run(BufferedImage image, DetectionSettings settings, RegionDetector detector) {
        BufferedImage rgb = Pixels.toIntRgb(image);
        int[] argb = Pixels.argb(rgb);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        BoxMerger merger = new BoxMerger(settings.iouThreshold());
        for (Region region : TileGrid.plan(width, height, settings.tileSize(), settings.tileOverlap())) {
            for (PersonBox box : detector.detect(argb, width, height, region)) {
                if (Math.min(box.width(), box.height()) >= settings.minSize()) {
                    merger.add(box, cutByInnerEdge(box, region, width, height));
                }
            }
        }
        return merger.merged();
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
