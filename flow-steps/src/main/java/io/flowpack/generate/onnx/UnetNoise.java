package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;

/**
 * The image path's prediction: the checkpoint's UNet on {@code [negative × B, prompt × B]} at once, guided
 * {@code ε = ε_neg + g·(ε_prompt − ε_neg)}; without guidance (scale ≤ 1, or a UNet that embeds it) the prompt half
 * alone. Each latent has its own encoding, or all share one.
 */
final class UnetNoise implements NoisePredictor {
    private final OnnxComponent unet;
    private final float[] positive;                    // [batch, tokens, dim]
    private final float[] negative;                    // [batch, tokens, dim], null without guidance
    private final float[] embedding;                   // LCM's guidance embedding, or null
    private final float guidance;
    private final int batch;
    private final int h;
    private final int w;
    private final int tokens;
    private final int dim;

    private UnetNoise(OnnxComponent unet, float[] positive, float[] negative, float[] embedding, float guidance,
                      int batch, int h, int w, int tokens, int dim) {
        this.unet = unet;
        this.positive = positive;
        this.negative = negative;
        this.embedding = embedding;
        this.guidance = guidance;
        this.batch = batch;
        this.h = h;
        this.w = w;
        this.tokens = tokens;
        this.dim = dim;
    }

    /** @throws GenerationException when the conditioning does not fit the batch or the encodings differ in size */
    static UnetNoise of(DiffusersPipeline pipeline, Conditioning conditioning, double guidance, int batch, int h,
                        int w) {
        boolean embeds = LatentSampling.embedsGuidance(pipeline);
        boolean guided = guidance > 1 && !embeds;
        if (guided && conditioning.negative() == null) {
            throw new GenerationException("guidance above 1 needs the negative conditioning");
        }
        int tokens = pipeline.tokenizer().maxLength();
        int itemSize = conditioning.positive().length / conditioning.positiveItems();
        if (guided && conditioning.negative().length / conditioning.negativeItems() != itemSize) {
            throw new GenerationException("text_encoder gave different sizes for the prompt and the negative prompt");
        }
        if (itemSize % tokens != 0) {
            throw new GenerationException("conditioning of " + itemSize + " values is not " + tokens + " tokens × dim");
        }
        float[] embedding = embeds
                ? Unet.guidanceEmbedding(guidance - 1, Unet.guidanceEmbeddingSize(pipeline.unet())) : null;
        return new UnetNoise(pipeline.unet(), conditioning.positiveFor(batch),
                guided ? conditioning.negativeFor(batch) : null, embedding, (float) guidance, batch, h, w, tokens,
                itemSize / tokens);
    }

    @Override
    public float[] predict(float[] scaledLatents, double timestep, int step) {
        return predict(scaledLatents, null, timestep);
    }

    /**
     * The guided prediction for some items of the batch ({@code items} in order, their latents in
     * {@code scaledLatents}), or for all of them ({@code items} null).
     */
    float[] predict(float[] scaledLatents, int[] items, double timestep) {
        int n = items == null ? batch : items.length;
        int size = n * 4 * h * w;
        float[] prompt = items == null ? positive : gather(positive, items, tokens * dim);
        if (negative == null) {
            return Unet.predict(unet, scaledLatents, n, h, w, timestep, prompt, tokens, dim, embedding);
        }
        float[] unconditional = items == null ? negative : gather(negative, items, tokens * dim);
        float[] input = new float[2 * size];
        System.arraycopy(scaledLatents, 0, input, 0, size);
        System.arraycopy(scaledLatents, 0, input, size, size);
        float[] hidden = new float[unconditional.length + prompt.length];
        System.arraycopy(unconditional, 0, hidden, 0, unconditional.length);
        System.arraycopy(prompt, 0, hidden, unconditional.length, prompt.length);
        float[] output = Unet.predict(unet, input, 2 * n, h, w, timestep, hidden, tokens, dim, embedding);
        return StableDiffusion.guide(output, size, guidance);
    }

    /** Rows {@code items} of {@code values} ({@code rowSize} values each), in order. */
    static float[] gather(float[] values, int[] items, int rowSize) {
        float[] out = new float[items.length * rowSize];
        for (int k = 0; k < items.length; k++) {
            System.arraycopy(values, items[k] * rowSize, out, k * rowSize, rowSize);
        }
        return out;
    }
}
