package io.flowpack.model.tile;

/**
 * Blending weights along one axis, in output pixels, so that overlapping tiles fade into each other without a
 * seam. At an edge shared with a neighbour, a tile's weight is 0 over the outer quarter of the overlap (where
 * the model saw the tile border instead of real context), rises along a raised cosine over the middle half, and
 * is 1 beyond; at the image border it is 1. The weights are then divided by their sum over all tiles, so every
 * output pixel's weights add up to exactly 1 and an image is the plain weighted sum of its tiles.
 *
 * <p>A model whose output pixels depend on at most {@code overlap / 4} input pixels around them therefore gives the
 * same result tiled as whole; models that look further are blended smoothly over the middle half of the overlap.
 */
public final class FeatherWeights {

    private FeatherWeights() {
    }

    /** One array per tile of {@code axis.extent() * scale} weights. */
    public static float[][] of(TileAxis axis, int overlap, int scale) {
        int n = axis.count();
        int size = axis.extent() * scale;
        float[][] weights = new float[n][size];
        double[] sum = new double[axis.length() * scale];
        for (int t = 0; t < n; t++) {
            int origin = axis.start(t) * scale;
            for (int i = 0; i < size; i++) {
                double w = 1;
                if (t > 0) {
                    w *= ramp(i, overlap * scale, overlap / 4 * scale);
                }
                if (t < n - 1) {
                    w *= ramp(size - 1 - i, overlap * scale, overlap / 4 * scale);
                }
                weights[t][i] = (float) w;
                sum[origin + i] += w;
            }
        }
        for (int t = 0; t < n; t++) {
            int origin = axis.start(t) * scale;
            for (int i = 0; i < size; i++) {
                weights[t][i] = (float) (weights[t][i] / sum[origin + i]);
            }
        }
        return weights;
    }

    /** Weight at {@code distance} pixels from a shared edge, for an overlap of {@code width} with a {@code margin}. */
    static double ramp(int distance, int width, int margin) {
        if (distance < margin) {
            return 0;
        }
        int rise = width - 2 * margin;
        if (distance >= width - margin || rise <= 0) {
            return 1;
        }
        double t = (distance - margin + 0.5) / rise;
        return 0.5 - 0.5 * Math.cos(Math.PI * t);
    }
}
