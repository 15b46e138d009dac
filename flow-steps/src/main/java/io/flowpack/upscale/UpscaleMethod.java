package io.flowpack.upscale;

/** How the step enlarges an image. */
public enum UpscaleMethod {
    /** A super-resolution model run by ONNX Runtime ({@link OnnxUpscaler}): the bundled esrgan-slim or a user model. */
    ONNX,
    /** Separable Lanczos-3 resampling ({@link LanczosResampler}): no model, any CPU. */
    LANCZOS
}
