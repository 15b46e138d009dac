package io.flowpack.comfy.node;

import java.util.List;

/**
 * ComfyUI's {@code MASK}: a batch of same-sized single-channel masks, values 0..1 ({@code [B, H, W]}); 1 means
 * "masked" (for {@code LoadImage} that is an alpha of 0, as in ComfyUI).
 *
 * @param width  pixels per row
 * @param height rows
 * @param masks  one {@code float[height * width]} per batch item
 */
public record MaskBatch(int width, int height, List<float[]> masks) {

    public MaskBatch {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("mask size must be positive: " + width + "x" + height);
        }
        masks = List.copyOf(masks);
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("a mask batch needs at least one mask");
        }
        for (float[] mask : masks) {
            if (mask.length != width * height) {
                throw new IllegalArgumentException("mask data of " + mask.length + " floats does not match "
                        + width + "x" + height);
            }
        }
    }

    public int size() {
        return masks.size();
    }
}
