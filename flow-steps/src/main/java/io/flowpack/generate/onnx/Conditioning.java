package io.flowpack.generate.onnx;

import io.flowpack.schedule.FramePrompt;

/**
 * The text encoder's hidden states the UNet is conditioned on: {@code positive} for the prompt, {@code negative} for
 * guidance's unconditional branch. Each holds one encoding (tokens × dim floats) for every latent, or one per latent
 * ({@code positiveItems}/{@code negativeItems} encodings in a row, e.g. the frames of a prompt schedule).
 */
public record Conditioning(float[] positive, int positiveItems, float[] negative, int negativeItems) {

    public Conditioning {
        if (positiveItems < 1 || positive.length % positiveItems != 0
                || (negative != null && (negativeItems < 1 || negative.length % negativeItems != 0))) {
            throw new IllegalArgumentException("conditioning of " + positive.length + " values does not split into "
                    + positiveItems + " encodings");
        }
    }

    /** One encoding each, used for every latent. */
    public Conditioning(float[] positive, float[] negative) {
        this(positive, 1, negative, 1);
    }

    /** The positive encodings for a batch of {@code batch} latents: one each, the single one repeated. */
    float[] positiveFor(int batch) {
        return perItem(positive, positiveItems, batch, "positive");
    }

    /** As {@link #positiveFor(int)} for the negative encodings. */
    float[] negativeFor(int batch) {
        return perItem(negative, negativeItems, batch, "negative");
    }

    /**
     * @throws io.flowpack.generate.GenerationException when the count is neither 1 nor {@code batch}
     */
    static float[] perItem(float[] hidden, int items, int batch, String what) {
        if (items == batch) {
            return hidden;
        }
        if (items != 1) {
            throw new io.flowpack.generate.GenerationException("the " + what + " conditioning holds " + items
                    + " encodings but the latent batch has " + batch + "; give one encoding for all or one per latent");
        }
        float[] out = new float[batch * hidden.length];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(hidden, 0, out, i * hidden.length, hidden.length);
        }
        return out;
    }

    /** The request's prompt and negative prompt, encoded. */
    public static Conditioning of(DiffusersPipeline pipeline, String prompt, String negativePrompt) {
        return new Conditioning(TextEncoder.encode(pipeline, prompt), TextEncoder.encode(pipeline, negativePrompt));
    }

    /**
     * One frame of a prompt schedule as FizzNodes conditions it:
     * {@code weight·enc(current) + (1 − weight)·enc(next)}, for the positive and the negative prompts alike.
     */
    public static Conditioning of(DiffusersPipeline pipeline, FramePrompt frame) {
        return new Conditioning(
                blend(TextEncoder.encode(pipeline, frame.currentPositive()),
                        TextEncoder.encode(pipeline, frame.nextPositive()), frame.weight()),
                blend(TextEncoder.encode(pipeline, frame.currentNegative()),
                        TextEncoder.encode(pipeline, frame.nextNegative()), frame.weight()));
    }

    static float[] blend(float[] current, float[] next, double weight) {
        if (weight == 1) {
            return current;
        }
        float[] out = new float[current.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (weight * current[i] + (1 - weight) * next[i]);
        }
        return out;
    }
}
