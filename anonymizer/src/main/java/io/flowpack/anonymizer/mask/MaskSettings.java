package io.flowpack.anonymizer.mask;

/**
 * How a detection becomes mask.
 *
 * @param cropMargin  the box is enlarged by this share of its size (half on each side) before segmentation
 * @param threshold   segmentation probability from which a pixel is person
 * @param minCoverage a segmentation covering less than this share of the box is taken as failed: the box is masked
 * @param dilation    the mask grows by this share of the person's (box) height
 * @param feather     width in pixels of the soft edge outside the grown mask
 */
public record MaskSettings(double cropMargin, double threshold, double minCoverage, double dilation, int feather) {
    public static final double DEFAULT_CROP_MARGIN = 0.15;
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final double DEFAULT_MIN_COVERAGE = 0.05;
    public static final double DEFAULT_DILATION = 0.04;
    public static final int DEFAULT_FEATHER = 4;

    public MaskSettings {
        if (cropMargin < 0 || dilation < 0 || feather < 0) {
            throw new IllegalArgumentException("crop margin, dilation and feather must not be negative");
        }
        if (!(threshold > 0 && threshold < 1) || !(minCoverage >= 0 && minCoverage <= 1)) {
            throw new IllegalArgumentException("threshold must lie in (0, 1) and minimum coverage in [0, 1]");
        }
    }

    public static MaskSettings defaults() {
        return new MaskSettings(DEFAULT_CROP_MARGIN, DEFAULT_THRESHOLD, DEFAULT_MIN_COVERAGE, DEFAULT_DILATION,
                DEFAULT_FEATHER);
    }
}
