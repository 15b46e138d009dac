package io.flowpack.convert;

import io.flowpack.step.Param;

/**
 * Parameters of {@code convert}.
 *
 * @param format    target format; {@code same} keeps a writable input format and turns others into PNG
 * @param quality   JPEG quality
 * @param maxWidth  fit within this width (0: no limit); never enlarges
 * @param maxHeight fit within this height (0: no limit); never enlarges
 */
public record ConvertParams(
        @Param(description = "Target format; same keeps JPEG/PNG/TIFF and turns WebP, GIF and BMP into PNG",
                defaultValue = "same", allowed = {"same", "jpeg", "png", "tiff"})
        String format,
        @Param(description = "JPEG quality from 0 to 1", defaultValue = "0.9", min = 0, max = 1)
        float quality,
        @Param(description = "Fit within this width in pixels, keeping the aspect ratio; 0 for no limit", defaultValue = "0", min = 0, max = 100000)
        int maxWidth,
        @Param(description = "Fit within this height in pixels, keeping the aspect ratio; 0 for no limit", defaultValue = "0", min = 0, max = 100000)
        int maxHeight) {
}
