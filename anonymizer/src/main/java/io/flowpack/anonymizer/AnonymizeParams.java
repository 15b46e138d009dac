package io.flowpack.anonymizer;

import io.flowpack.step.Param;

/**
 * Parameters of {@code anonymize}.
 *
 * @param minScore       detection threshold, low for recall
 * @param minSize        smallest person kept, in pixels of box height or width
 * @param detectorModel  empty for the bundled NanoDet; a path to a YOLOv8/YOLO11 ONNX export otherwise
 * @param dilate         mask growth as a share of each person's box height
 * @param feather        soft mask edge in pixels
 * @param maskMode       how a supplied review mask combines with the automatic one
 * @param inpainter      how the holes are filled
 * @param inpaintModel   model name or path for {@code inpainter=onnx} (LaMa / MI-GAN style, with its manifest)
 * @param maxPersonShare people covering more than this percentage of the picture trigger {@code overShare}
 * @param overShare      what to do then: fail, or blur the people instead of inventing half a room
 * @param keep           EXIF fields to keep, by name, comma separated
 * @param format         output format
 * @param quality        JPEG quality
 * @param preview        whether to deliver the review image (original with the mask overlaid)
 */
public record AnonymizeParams(
        @Param(description = "Detection threshold (0..1); low values favour recall", defaultValue = "0.3", min = 0.01, max = 0.99)
        float minScore,
        @Param(description = "Smallest person kept, in pixels of box width or height", defaultValue = "8", min = 0, max = 10000)
        int minSize,
        @Param(description = "Path of a YOLOv8/YOLO11 ONNX export to detect people with; empty uses the bundled NanoDet")
        String detectorModel,
        @Param(description = "Mask growth as a share of each person's height", defaultValue = "0.04", min = 0, max = 0.5)
        float dilate,
        @Param(description = "Width of the soft mask edge in pixels", defaultValue = "4", min = 0, max = 64)
        int feather,
        @Param(description = "How a supplied review mask part (named *.mask.png) combines with the automatic mask",
                defaultValue = "extend")
        MaskCombination maskMode,
        @Param(description = "How people are filled in: patchmatch (exemplar-based, no model) or onnx (LaMa/MI-GAN model)",
                defaultValue = "patchmatch")
        InpainterChoice inpainter,
        @Param(description = "Model name or path for inpainter=onnx (image + mask in, image out, with its manifest)")
        String inpaintModel,
        @Param(description = "People covering more than this percentage of the picture trigger overShare", defaultValue = "50", min = 1, max = 100)
        float maxPersonShare,
        @Param(description = "When people cover more than maxPersonShare: fail with a reason, or blur them", defaultValue = "fail")
        OverShare overShare,
        @Param(description = "EXIF fields to keep, comma separated (e.g. Copyright,DateTimeOriginal); all others are removed")
        String keep,
        @Param(description = "Output format; same keeps JPEG, PNG and TIFF and writes other sources as PNG",
                defaultValue = "same", allowed = {"same", "jpeg", "png", "tiff"})
        String format,
        @Param(description = "JPEG quality from 0 to 1", defaultValue = "0.92", min = 0, max = 1)
        float quality,
        @Param(description = "Deliver a review image: the original with the removed area tinted and boxes drawn", defaultValue = "true")
        boolean preview) {

    /** How a supplied review mask combines with the automatic one. */
    public enum MaskCombination { REPLACE, EXTEND }

    /** The inpainting backend. */
    public enum InpainterChoice { PATCHMATCH, ONNX }

    /** The policy for pictures that are mostly person. */
    public enum OverShare { FAIL, BLUR }
}
