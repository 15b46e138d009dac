package io.flowpack.comfy.nodes.generate;

import io.flowpack.generate.onnx.DiffusersPipeline;

/**
 * ComfyUI's {@code MODEL}, {@code CLIP} and {@code VAE}: {@code CheckpointLoaderSimple} gives the same handle on the
 * loaded diffusers ONNX pipeline for all three; each node uses its part (UNet and scheduler, text encoder, VAE).
 *
 * @param name     the {@code ckpt_name} it was loaded by
 * @param pipeline the loaded pipeline (owned by {@link Checkpoints}, not to be closed by nodes)
 */
public record Checkpoint(String name, DiffusersPipeline pipeline) {
}
