package io.flowpack.comfy.nodes.generate;

/**
 * ComfyUI's {@code CONDITIONING}: the text encoder's {@code last_hidden_state} (tokens × dim floats) of one prompt,
 * or of a batch of {@code count} prompts in a row (FizzNodes' {@code BatchPromptSchedule}: one per frame), with the
 * checkpoint that encoded it. SD 1.x/2.x text encoders have no pooled output, so there is none here.
 *
 * @param checkpoint the {@code ckpt_name} of the CLIP that encoded it
 * @param hidden     the hidden states, {@code count × tokens × dim}; never changed after creation
 * @param count      the batch size: 1, or one encoding per latent of the batch it conditions
 */
public record TextConditioning(String checkpoint, float[] hidden, int count) {

    public TextConditioning {
        if (count < 1 || hidden.length % count != 0) {
            throw new IllegalArgumentException(hidden.length + " values do not split into " + count + " encodings");
        }
    }

    /** One prompt's encoding. */
    public TextConditioning(String checkpoint, float[] hidden) {
        this(checkpoint, hidden, 1);
    }

    /** Values of one encoding (tokens × dim): what must agree between conditionings of the same text encoder. */
    public int itemSize() {
        return hidden.length / count;
    }
}
