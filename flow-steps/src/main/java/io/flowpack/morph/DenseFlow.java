package io.flowpack.morph;

import io.flowpack.video.NativePreload;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Dense optical flow with OpenCV's DIS (Kroeger et al. 2016, "medium" preset with variational refinement) on the
 * luminance of two frames. Frames over {@value #MAX_FLOW_PIXELS} pixels are measured on a reduced copy and the
 * flow is scaled back up, which keeps the cost per transition bounded for 4K keyframes.
 */
final class DenseFlow {
    static final int MAX_FLOW_PIXELS = 1280 * 720;

    private DenseFlow() {
    }

    /** Starts loading OpenCV's natives (after FFmpeg's) in the background; {@link #between} waits for them. */
    static void preload() {
        NativePreload.start(opencv_video.class);
    }

    /**
     * @return the flow from {@code from} to {@code to}: for pixel {@code p}, {@code (flow[2p], flow[2p+1])} is where
     * its content lies in {@code to} relative to {@code p}
     */
    static float[] between(RgbFrame from, RgbFrame to) {
        NativePreload.await();
        int width = from.width();
        int height = from.height();
        double shrink = Math.min(1, Math.sqrt((double) MAX_FLOW_PIXELS / ((long) width * height)));
        int w = Math.max(8, (int) Math.round(width * shrink));
        int h = Math.max(8, (int) Math.round(height * shrink));
        try (Mat a = grey(from, w, h); Mat b = grey(to, w, h); Mat flow = new Mat();
             DISOpticalFlow dis = DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM)) {
            dis.calc(a, b, flow);
            if (w == width && h == height) {
                return values(flow, width * height * 2);
            }
            try (Mat full = new Mat(); Size size = new Size(width, height)) {
                opencv_imgproc.resize(flow, full, size, 0, 0, opencv_imgproc.INTER_LINEAR);
                float[] values = values(full, width * height * 2);
                float sx = (float) width / w;
                float sy = (float) height / h;
                for (int i = 0; i < values.length; i += 2) {
                    values[i] *= sx;
                    values[i + 1] *= sy;
                }
                return values;
            }
        }
    }

    private static float[] values(Mat flow, int count) {
        float[] values = new float[count];
        FloatBuffer buffer = flow.createBuffer();
        buffer.get(values);
        return values;
    }

    /**
     * The frame's luminance (OpenCV's BT.601 weights) as an 8-bit Mat, resized to {@code w × h} when that differs.
     * Packed {@code 0x00RRGGBB} ints lie in memory as B, G, R, 0 on little-endian machines (all the platforms
     * bytedeco builds flowpack's natives for), which OpenCV converts natively as BGRA.
     */
    private static Mat grey(RgbFrame frame, int w, int h) {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("the optical flow expects a little-endian machine");
        }
        Mat mat = new Mat();
        try (IntPointer pixels = new IntPointer(frame.pixels());
             Mat bgra = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC4, pixels)) {
            opencv_imgproc.cvtColor(bgra, mat, opencv_imgproc.COLOR_BGRA2GRAY);
        }
        if (w == frame.width() && h == frame.height()) {
            return mat;
        }
        Mat small = new Mat();
        try (Size size = new Size(w, h)) {
            opencv_imgproc.resize(mat, small, size, 0, 0, opencv_imgproc.INTER_AREA);
        }
        mat.close();
        return small;
    }
}
