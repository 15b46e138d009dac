package io.flowpack.anonymizer.inpaint;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * Fills the masked pixels of an image with plausible content (the anonymizer's person removal).
 *
 * <p>The mask is one float per pixel, row by row ({@code x + y * width}), 0..1: 1 = fill. A feathered (soft) mask is
 * honoured: where {@code mask >= 0.5} the pixel is replaced, where {@code 0 < mask < 0.5} the filled value is blended
 * in with weight {@code 2 * mask} (the seam), and where {@code mask == 0} the pixel is returned unchanged, bit for bit.
 * See {@link SoftMask}.
 */
public interface Inpainter {

    /**
     * @param image    any image; converted to 8-bit sRGB (alpha is dropped)
     * @param mask     width × height values in 0..1, 1 = fill
     * @param progress told the fraction done
     * @return a new TYPE_INT_RGB image of the same size; the input is not changed
     */
    BufferedImage inpaint(BufferedImage image, float[] mask, InpaintProgress progress);

    /** The name the audit records ({@code patchmatch}, {@code onnx}, …). */
    String name();

    /** The settings that determine the result, for the audit. */
    Map<String, Object> parameters();
}
