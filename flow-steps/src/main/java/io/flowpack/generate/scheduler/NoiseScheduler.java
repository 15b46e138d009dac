package io.flowpack.generate.scheduler;

import io.flowpack.generate.random.NumpyRandom;

/**
 * One denoising schedule for a fixed number of steps, as diffusers' schedulers after {@code set_timesteps}: the
 * model timestep of each step, how to scale the model's input, and how to go from the sample at step {@code i} to
 * the sample at step {@code i + 1}. Immutable; {@link #step} returns a new array.
 */
public interface NoiseScheduler {

    /** e.g. {@code euler}. */
    String name();

    /** The timestep passed to the model at each step, highest noise first. */
    double[] timesteps();

    /** Standard deviation of the initial noise ({@code init_noise_sigma}). */
    double initNoiseSigma();

    /** Factor of {@code scale_model_input} at a step (1 for DDIM and LCM). */
    double inputScale(int step);

    /**
     * The sample after step {@code step}.
     *
     * @param modelOutput the model's (guided) prediction at this step
     * @param random      noise for ancestral and LCM steps, drawn in order
     */
    float[] step(float[] modelOutput, int step, float[] sample, NumpyRandom random);

    /** {@code add_noise}: an encoded image noised to the level of {@code step}, where img2img starts. */
    float[] addNoise(float[] original, float[] noise, int step);
}
