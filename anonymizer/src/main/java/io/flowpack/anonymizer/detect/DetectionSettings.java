package io.flowpack.anonymizer.detect;

/**
 * How eagerly a detector reports people.
 *
 * @param scoreThreshold a candidate below this person score is dropped
 * @param minSize        a box whose shorter side is below this many image pixels is dropped
 * @param tileSize       the image is also searched in overlapping tiles of about this many pixels a side (so a
 *                       small person in a large photo is seen large enough); 0 searches the whole image only
 * @param tileOverlap    the share of a tile that overlaps its neighbour (0.25: a quarter)
 * @param iouThreshold   boxes overlapping a better one by more than this are one person
 */
public record DetectionSettings(double scoreThreshold, int minSize, int tileSize, double tileOverlap,
                                double iouThreshold) {
    /** Tuned for recall on the samples: see {@code NanoDetPersonDetectorTest}. */
    public static final double DEFAULT_SCORE_THRESHOLD = 0.3;
    public static final int DEFAULT_MIN_SIZE = 8;
    public static final int DEFAULT_TILE_SIZE = 1024;
    public static final double DEFAULT_TILE_OVERLAP = 0.25;
    public static final double DEFAULT_IOU_THRESHOLD = 0.5;

    public DetectionSettings {
        if (!(scoreThreshold > 0 && scoreThreshold < 1)) {
            throw new IllegalArgumentException("score threshold must lie between 0 and 1, got " + scoreThreshold);
        }
        if (minSize < 0 || tileSize < 0) {
            throw new IllegalArgumentException("minimum size and tile size must not be negative");
        }
        if (!(tileOverlap >= 0 && tileOverlap < 0.9)) {
            throw new IllegalArgumentException("tile overlap must lie in [0, 0.9), got " + tileOverlap);
        }
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException("IoU threshold must lie in (0, 1], got " + iouThreshold);
        }
    }

    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_SCORE_THRESHOLD, DEFAULT_MIN_SIZE, DEFAULT_TILE_SIZE,
                DEFAULT_TILE_OVERLAP, DEFAULT_IOU_THRESHOLD);
    }

    public DetectionSettings withScoreThreshold(double threshold) {
        return new DetectionSettings(threshold, minSize, tileSize, tileOverlap, iouThreshold);
    }

    /** The same settings searching the whole image only. */
    public DetectionSettings wholeImageOnly() {
        return new DetectionSettings(scoreThreshold, minSize, 0, tileOverlap, iouThreshold);
    }
}
