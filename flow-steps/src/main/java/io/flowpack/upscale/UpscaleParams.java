package io.flowpack.upscale;

import io.flowpack.step.Param;

/** The parameters of the {@code upscale} step. */
public record UpscaleParams(
        @Param(description = "Scale factor, used when longEdge is 0", defaultValue = "2", min = 1, max = 8)
        float factor,
        @Param(description = "Target long edge in pixels, e.g. 3840 for 4K; 0 uses factor", defaultValue = "0",
                min = 0, max = 32768)
        int longEdge,
        @Param(description = "onnx: a super-resolution model (see model); lanczos: Lanczos-3 resampling",
                defaultValue = "onnx")
        UpscaleMethod method,
        @Param(description = "For method onnx: a model family such as esrgan-slim (its ×2, ×3 and ×4 models), "
                + "a model name, or the path of a .onnx file with its manifest beside it", defaultValue = "esrgan-slim")
        String model,
        @Param(description = "For method onnx: tile size in input pixels; 0 uses the model's", defaultValue = "0",
                min = 0, max = 4096)
        int tileSize,
        @Param(description = "For method onnx: overlap of neighbouring tiles in input pixels; 0 uses the model's",
                defaultValue = "0", min = 0, max = 1024)
        int tileOverlap,
        @Param(description = "Output format; same keeps JPEG, PNG and TIFF and writes other sources as PNG",
                defaultValue = "same", allowed = {"same", "png", "jpeg", "tiff"})
        String format,
        @Param(description = "Encoder quality for lossy output (JPEG), 0 to 1", defaultValue = "0.92", min = 0, max = 1)
        float quality) {
}
