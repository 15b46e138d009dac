package io.flowpack.upscale;

import java.math.BigDecimal;

/**
 * The size an image is resized to and the suffix its file name gets: {@code -x2} for a factor,
 * {@code -3840} for a long edge.
 */
record TargetSize(long width, long height, String suffix) {

    static TargetSize of(int width, int height, UpscaleParams params) {
        if (params.longEdge() > 0) {
            double scale = (double) params.longEdge() / Math.max(width, height);
            return new TargetSize(scaled(width, scale), scaled(height, scale), "-" + params.longEdge());
        }
        return new TargetSize(scaled(width, params.factor()), scaled(height, params.factor()),
                "-x" + plain(params.factor()));
    }

    long pixels() {
        return width * height;
    }

    private static long scaled(int size, double scale) {
        return Math.max(1, Math.round(size * scale));
    }

    /** {@code 2} for 2.0, {@code 1.5} for 1.5: the shortest text of the float. */
    private static String plain(float factor) {
        return new BigDecimal(Float.toString(factor)).stripTrailingZeros().toPlainString();
    }
}
