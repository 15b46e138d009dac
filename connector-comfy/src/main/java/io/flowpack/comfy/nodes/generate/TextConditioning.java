package io.flowpack.comfy.nodes.generate;

/**
 * ComfyUI's {@code CONDITIONING}: the text encoder's {@code last_hidden_state} of one prompt (tokens × dim floats),
 * with the checkpoint that encoded it. SD 1.x/2.x text encoders have no pooled output, so there is none here.
 *
 * @param checkpoint the {@code ckpt_name} of the CLIP that encoded it
 * @param hidden     the hidden states; never changed after creation
 */
public record TextConditioning(String checkpoint, float[] hidden) {
}
