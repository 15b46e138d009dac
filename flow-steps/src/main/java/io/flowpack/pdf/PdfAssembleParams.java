package io.flowpack.pdf;

import io.flowpack.step.Param;

/**
 * Parameters of {@code pdf-assemble}.
 *
 * @param dpi         resolution that sets each page's size from its image's pixels
 * @param compression how images are stored
 * @param quality     JPEG quality for {@code jpeg} compression
 * @param name        file name of the PDF without extension; empty uses the document's name
 */
public record PdfAssembleParams(
        @Param(description = "Resolution that sets each page's size from its image's pixels", defaultValue = "150", min = 10, max = 1200)
        int dpi,
        @Param(description = "How page images are stored: jpeg (small) or lossless", defaultValue = "jpeg", allowed = {"jpeg", "lossless"})
        String compression,
        @Param(description = "JPEG quality from 0 to 1", defaultValue = "0.85", min = 0, max = 1)
        float quality,
        @Param(description = "File name of the PDF without extension; empty uses the document's name")
        String name) {
}
