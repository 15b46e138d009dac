package io.flowpack.model.tile;

import io.flowpack.model.TensorLayout;

import java.util.Arrays;

/**
 * Sums weighted tile outputs into a band of float rows as wide as the output image and as tall as one row of
 * tiles, and writes finished rows into the output image's pixels. Tiles arrive row of tiles by row of tiles, top
 * to bottom; {@link #moveTo} finishes every row above the next tile row and slides the rest of the band up. Only
 * the band is ever held as float (for an 8K output from 128-pixel tiles ×2: 3 × 256 × 7680 floats, 24 MB).
 *
 * <p>Values are accumulated as the model produced them and mapped to 0..255 once, when a row is written
 * ({@code value * gain + offset}, rounded and clamped); the weights of each output pixel add up to 1.
 */
public final class BandAccumulator {
    private final int[] output;
    private final int width;
    private final int height;
    private final int rows;
    private final float[][] planes;
    private final float gain;
    private final float offset;
    private int top;

    /**
     * @param output packed RGB pixels of the output image, {@code width × height}
     * @param rows   the band's height: the output height of one tile
     */
    public BandAccumulator(int[] output, int width, int height, int rows, float gain, float offset) {
        this.output = output;
        this.width = width;
        this.height = height;
        this.rows = rows;
        this.gain = gain;
        this.offset = offset;
        this.planes = new float[][]{new float[rows * width], new float[rows * width], new float[rows * width]};
    }

    /** Writes out the rows above {@code newTop} (no later tile reaches them) and starts the band there. */
    public void moveTo(int newTop) {
        if (newTop < top) {
            throw new IllegalArgumentException("tile rows must come top to bottom: " + newTop + " after " + top);
        }
        int done = Math.min(newTop - top, rows);
        write(0, done);
        int kept = rows - done;
        for (float[] plane : planes) {
            System.arraycopy(plane, done * width, plane, 0, kept * width);
            Arrays.fill(plane, kept * width, rows * width, 0f);
        }
        top = newTop;
    }

    /** Writes out every row still in the band. */
    public void finish() {
        write(0, Math.min(rows, height - top));
        top = height;
    }

    /**
     * Adds one tile's output: a {@code tensorWidth}-wide tensor in {@code layout}, of which the top-left
     * {@code weightsX.length × weightsY.length} pixels are used, placed at output ({@code x0}, {@code y0}).
     */
    public void add(float[] tensor, TensorLayout layout, int tensorWidth, int tensorHeight, int x0, int y0,
                    float[] weightsX, float[] weightsY) {
        int w = weightsX.length;
        int plane = tensorWidth * tensorHeight;
        float[] r = planes[0];
        float[] g = planes[1];
        float[] b = planes[2];
        for (int j = 0; j < weightsY.length; j++) {
            float wy = weightsY[j];
            int band = (y0 + j - top) * width + x0;
            if (layout == TensorLayout.NCHW) {
                int src = j * tensorWidth;
                for (int i = 0; i < w; i++) {
                    float weight = weightsX[i] * wy;
                    r[band + i] += weight * tensor[src + i];
                    g[band + i] += weight * tensor[plane + src + i];
                    b[band + i] += weight * tensor[2 * plane + src + i];
                }
            } else {
                int src = j * tensorWidth * 3;
                for (int i = 0; i < w; i++) {
                    float weight = weightsX[i] * wy;
                    r[band + i] += weight * tensor[src + 3 * i];
                    g[band + i] += weight * tensor[src + 3 * i + 1];
                    b[band + i] += weight * tensor[src + 3 * i + 2];
                }
            }
        }
    }

    private void write(int from, int to) {
        float[] r = planes[0];
        float[] g = planes[1];
        float[] b = planes[2];
        for (int row = from; row < to; row++) {
            int src = row * width;
            int dst = (top + row) * width;
            for (int x = 0; x < width; x++) {
                output[dst + x] = 0xff000000 | level(r[src + x]) << 16 | level(g[src + x]) << 8 | level(b[src + x]);
            }
        }
    }

    private int level(float value) {
        float v = value * gain + offset;
        return v <= 0 ? 0 : v >= 255 ? 255 : (int) (v + 0.5f);
    }
}
