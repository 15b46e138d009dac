package io.flowpack.video;

/** Maps the step's quality in [0, 1] onto each encoder's own scale (higher is better everywhere). */
final class EncoderQuality {

    private EncoderQuality() {
    }

    /** H.264 quantiser for OpenH264's qmin/qmax: 0 → 45, 0.75 → 26, 1 → 18. */
    static int h264Qp(float quality) {
        return Math.round(45 - quality * 27);
    }

    /** VP9 constant-quality level: 0 → 63, 0.75 → 32, 1 → 15 (4 is near lossless and huge). */
    static int vp9Crf(float quality) {
        return Math.round(63 - quality * 48);
    }

    /** libwebp quality 0..100. */
    static int webpQuality(float quality) {
        return Math.round(quality * 100);
    }
}
