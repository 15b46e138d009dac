package io.flowpack.model.tensor;

import io.flowpack.model.TensorLayout;

/**
 * Fills float tensors from packed pixels ({@code 0xAARRGGBB}, one int per pixel, as
 * {@link io.flowpack.imaging.Pixels#argb} gives them): a region of the image, reflect-padded where the tensor
 * reaches past the image's edge, in NCHW or NHWC. Reads the int array directly, row by row.
 */
public final class ImageTensors {

    private ImageTensors() {
    }

    /**
     * Writes the RGB of the {@code tensorWidth × tensorHeight} region at ({@code x0}, {@code y0}) into
     * {@code tensor} (length at least {@code 3 · tensorWidth · tensorHeight}), mapped by {@code transform}.
     */
    public static void packRgb(int[] argb, int width, int height, int x0, int y0, int tensorWidth, int tensorHeight,
                               TensorLayout layout, PixelTransform transform, float[] tensor) {
        int[] columns = indices(x0, tensorWidth, width);
        float gr = transform.gain()[0];
        float gg = transform.gain()[1];
        float gb = transform.gain()[2];
        float or = transform.offset()[0];
        float og = transform.offset()[1];
        float ob = transform.offset()[2];
        int plane = tensorWidth * tensorHeight;
        for (int j = 0; j < tensorHeight; j++) {
            int row = reflect(y0 + j, height) * width;
            if (layout == TensorLayout.NCHW) {
                int dst = j * tensorWidth;
                for (int i = 0; i < tensorWidth; i++) {
                    int p = argb[row + columns[i]];
                    tensor[dst + i] = ((p >> 16) & 0xff) * gr + or;
                    tensor[plane + dst + i] = ((p >> 8) & 0xff) * gg + og;
                    tensor[2 * plane + dst + i] = (p & 0xff) * gb + ob;
                }
            } else {
                int dst = j * tensorWidth * 3;
                for (int i = 0; i < tensorWidth; i++) {
                    int p = argb[row + columns[i]];
                    tensor[dst + 3 * i] = ((p >> 16) & 0xff) * gr + or;
                    tensor[dst + 3 * i + 1] = ((p >> 8) & 0xff) * gg + og;
                    tensor[dst + 3 * i + 2] = (p & 0xff) * gb + ob;
                }
            }
        }
    }

    /**
     * Writes a one-channel mask tensor from packed pixels: the brightest of R, G and B, divided by 255 (white = 1,
     * the area to fill). NCHW and NHWC are the same order for one channel.
     */
    public static void packMask(int[] argb, int width, int height, int x0, int y0, int tensorWidth, int tensorHeight,
                                float[] tensor) {
        int[] columns = indices(x0, tensorWidth, width);
        for (int j = 0; j < tensorHeight; j++) {
            int row = reflect(y0 + j, height) * width;
            int dst = j * tensorWidth;
            for (int i = 0; i < tensorWidth; i++) {
                int p = argb[row + columns[i]];
                int level = Math.max((p >> 16) & 0xff, Math.max((p >> 8) & 0xff, p & 0xff));
                tensor[dst + i] = level / 255f;
            }
        }
    }

    /** Index {@code i} mirrored into {@code 0..n-1} without repeating the edge pixel (…2 1 0 1 2…, n−2 n−1 n−2…). */
    public static int reflect(int i, int n) {
        if (n == 1) {
            return 0;
        }
        int period = 2 * (n - 1);
        int m = Math.floorMod(i, period);
        return m < n ? m : period - m;
    }

    private static int[] indices(int start, int count, int n) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = reflect(start + i, n);
        }
        return indices;
    }
}
