package io.flowpack.pdf;

import io.flowpack.step.Param;

/**
 * Parameters of {@code pdf-render}.
 *
 * @param dpi      resolution of the rendered pages
 * @param pages    pages to render, e.g. {@code 1-3,5}; empty for all
 * @param maxPages refuse a PDF whose selected pages exceed this count
 * @param format   image format of the pages
 * @param quality  JPEG quality
 */
public record PdfRenderParams(
        @Param(description = "Resolution of the rendered pages in dots per inch", defaultValue = "150", min = 10, max = 1200)
        int dpi,
        @Param(description = "Pages to render, e.g. 1-3,5 or 2-; empty renders every page")
        String pages,
        @Param(description = "Largest number of pages rendered from one PDF; more is refused", defaultValue = "200", min = 1, max = 10000)
        int maxPages,
        @Param(description = "Image format of the rendered pages", defaultValue = "png", allowed = {"png", "jpeg", "tiff"})
        String format,
        @Param(description = "JPEG quality from 0 to 1", defaultValue = "0.9", min = 0, max = 1)
        float quality) {
}
