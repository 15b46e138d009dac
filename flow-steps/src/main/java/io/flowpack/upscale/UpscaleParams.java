package io.flowpack.upscale;

import io.flowpack.step.Param;

/** The parameters of the {@code upscale} step. */
public record UpscaleParams(
        @Param(description = "Scale factor, used when longEdge is 0", defaultValue = "2", min = 1, max = 8)
        float factor,
        @Param(description = "Target long edge in pixels, e.g. 3840 for 4K; 0 uses factor", defaultValue = "0",
                min = 0, max = 32768)
        int longEdge,
        @Param(description = "Resampling method", defaultValue = "lanczos")
        UpscaleMethod method,
        @Param(description = "Output format; same keeps JPEG, PNG and TIFF and writes other sources as PNG",
                defaultValue = "same", allowed = {"same", "png", "jpeg", "tiff"})
        String format,
        @Param(description = "Encoder quality for lossy output (JPEG), 0 to 1", defaultValue = "0.92", min = 0, max = 1)
        float quality) {
}
