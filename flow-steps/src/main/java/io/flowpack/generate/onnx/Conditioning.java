package io.flowpack.generate.onnx;

import io.flowpack.schedule.FramePrompt;

/**
 * The text encoder's hidden states the UNet is conditioned on: {@code positive} for the prompt, {@code negative} for
 * guidance's unconditional branch (tokens × dim floats each).
 */
public record Conditioning(float[] positive, float[] negative) {

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
