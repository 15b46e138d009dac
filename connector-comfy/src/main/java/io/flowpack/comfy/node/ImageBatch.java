package io.flowpack.comfy.node;

import java.util.List;

/**
 * ComfyUI's {@code IMAGE}: a batch of same-sized RGB images, values 0..1 (ComfyUI's {@code [B, H, W, 3]}
 * float tensor). Each image is one {@code float[]} of {@code height * width * 3}, row-major, channels
 * interleaved. Immutable by contract: nodes create new arrays instead of writing into an input.
 *
 * @param width  pixels per row
 * @param height rows
 * @param images one array per batch item
 */
public record ImageBatch(int width, int height, List<float[]> images) {

    public ImageBatch {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("an image batch needs at least one image");
        }
        for (float[] image : images) {
            if (image.length != width * height * 3) {
                throw new IllegalArgumentException("image data of " + image.length + " floats does not match "
                        + width + "x" + height + "x3");
            }
        }
    }

    public int size() {
        return images.size();
    }
}
