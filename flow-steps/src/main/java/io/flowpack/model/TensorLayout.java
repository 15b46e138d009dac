package io.flowpack.model;

/** How an image tensor orders its axes: channels first (PyTorch exports) or channels last (TensorFlow). */
public enum TensorLayout {
    /** batch, channels, height, width. */
    NCHW(1, 2, 3),
    /** batch, height, width, channels. */
    NHWC(3, 1, 2);

    private final int channelAxis;
    private final int heightAxis;
    private final int widthAxis;

    TensorLayout(int channelAxis, int heightAxis, int widthAxis) {
        this.channelAxis = channelAxis;
        this.heightAxis = heightAxis;
        this.widthAxis = widthAxis;
    }

    public int channelAxis() {
        return channelAxis;
    }

    public int heightAxis() {
        return heightAxis;
    }

    public int widthAxis() {
        return widthAxis;
    }

    /** The 4-d shape of one image of {@code channels × height × width} in this layout. */
    public long[] shape(int channels, int height, int width) {
        return this == NCHW ? new long[]{1, channels, height, width} : new long[]{1, height, width, channels};
    }
}
