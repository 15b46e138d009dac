package io.flowpack.comfy.nodes.upscale;

import io.flowpack.model.image.ImageToImageModel;

/**
 * The {@code UPSCALE_MODEL} value that flows from {@code UpscaleModelLoader} to {@code ImageUpscaleWithModel}: a
 * loaded super-resolution model (its ONNX session is shared and cached by {@link io.flowpack.model.ModelSessions}).
 *
 * @param name  the model's registry name, e.g. {@code esrgan-slim-x2}
 * @param model the tiled image-to-image adapter over the session
 */
public record UpscaleModel(String name, ImageToImageModel model) {

    public int scale() {
        return model.scale();
    }

    @Override
    public String toString() {
        return "UpscaleModel[" + name + ", x" + scale() + "]";
    }
}
