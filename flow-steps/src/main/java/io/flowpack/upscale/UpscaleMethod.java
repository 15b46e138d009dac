package io.flowpack.upscale;

/** How the step enlarges an image; an enum so that model-based methods (ONNX) can join later. */
public enum UpscaleMethod {
    /** Separable Lanczos-3 resampling ({@link LanczosResampler}): no model, any CPU. */
    LANCZOS
}
