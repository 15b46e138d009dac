package io.flowpack.generate.scheduler;

import io.flowpack.generate.random.NumpyRandom;

/**
 * diffusers' {@code DDIMScheduler} with η = 0: from timestep t to t' = t − N/S (ᾱ' = ᾱ_{t'}, or the final ᾱ:
 * 1 with {@code set_alpha_to_one}, else ᾱ₀, when t' &lt; 0): x₀ and ε from the prediction type (x₀ clamped to
 * ±{@code clip_sample_range} with {@code clip_sample}), x' = √ᾱ'·x₀ + √(1−ᾱ')·ε. The model input is not scaled.
 */
final class DdimScheduler extends AlphaScheduler {
    private final int stride;

    DdimScheduler(SchedulerConfig config, int steps) {
        super(config, checked(config, steps));
        this.stride = config.numTrainTimesteps() / steps;
    }

    private static double[] checked(SchedulerConfig config, int steps) {
        Timesteps.checkSteps(steps, config.numTrainTimesteps());
        return Timesteps.spaced(config.spacing("leading"), config.numTrainTimesteps(), steps, config.stepsOffset(), true);
    }

    @Override
    public String name() {
        return "ddim";
    }

    @Override
    public float[] step(float[] modelOutput, int step, float[] sample, NumpyRandom random) {
        int t = (int) timesteps[step];
        double alphaPrev = alpha(t - stride);
        Prediction prediction = Prediction.of(config.predictionType(), alpha(t));
        double toOriginal = Math.sqrt(alphaPrev);
        double toNoise = Math.sqrt(1 - alphaPrev);
        double range = config.clipSampleRange();
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double m = modelOutput[i];
            double original = prediction.original(x, m);
            if (config.clipSample()) {
                original = Math.max(-range, Math.min(range, original));
            }
            out[i] = (float) (toOriginal * original + toNoise * prediction.noise(x, m));
        }
        return out;
    }
}
