package io.flowpack.comfy.nodes.generate;

import io.flowpack.generate.onnx.DiffusersPipeline;
import io.flowpack.generate.onnx.MotionSampling;

/**
 * ComfyUI's {@code MODEL}, {@code CLIP} and {@code VAE}: {@code CheckpointLoaderSimple} gives the same handle on the
 * loaded diffusers ONNX pipeline for all three; each node uses its part (UNet and scheduler, text encoder, VAE).
 * An AnimateDiff loader's {@code MODEL} is the same checkpoint with a motion model attached ({@link #motion()}):
 * {@code KSampler} then samples its latent batch as the frames of one animation.
 *
 * @param name     the {@code ckpt_name} it was loaded by
 * @param pipeline the loaded pipeline (owned by {@link Checkpoints}, not to be closed by nodes)
 * @param motion   the motion model and its context options, or null for a plain checkpoint
 */
public record Checkpoint(String name, DiffusersPipeline pipeline, MotionSampling motion) {

    public Checkpoint(String name, DiffusersPipeline pipeline) {
        this(name, pipeline, null);
    }

    /** This checkpoint with a motion model attached (ComfyUI patches a clone of the MODEL so). */
    public Checkpoint withMotion(MotionSampling sampling) {
        return new Checkpoint(name, pipeline, sampling);
    }
}
