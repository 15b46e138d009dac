package io.flowpack.generate.scheduler;

import io.flowpack.generate.random.NumpyRandom;

/**
 * diffusers' {@code DDIMScheduler} with η = 0: from timestep t to t' = t − N/S (ᾱ' = ᾱ_{t'}, or the final ᾱ:
 * 1 with {@code set_alpha_to_one}, else ᾱ₀, when t' &lt; 0): x₀ and ε from the prediction type,
 * x' = √ᾱ'·x₀ + √(1−ᾱ')·ε. The model input is not scaled.
 */
final class DdimScheduler implements NoiseScheduler {
    private final SchedulerConfig config;
    private final NoiseSchedule schedule;
    private final double[] timesteps;
    private final int stride;
    private final double finalAlpha;

    DdimScheduler(SchedulerConfig config, int steps) {
        Timesteps.checkSteps(steps, config.numTrainTimesteps());
        this.config = config;
        this.schedule = new NoiseSchedule(config);
        this.timesteps = Timesteps.spaced(config.spacing("leading"), config.numTrainTimesteps(), steps,
                config.stepsOffset(), true);
        this.stride = config.numTrainTimesteps() / steps;
        this.finalAlpha = config.setAlphaToOne() == null || config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0);
    }

    @Override
    public String name() {
        return "ddim";
    }

    @Override
    public double[] timesteps() {
        return timesteps.clone();
    }

    @Override
    public double initNoiseSigma() {
        return 1;
    }

    @Override
    public double inputScale(int step) {
        return 1;
    }

    @Override
    public float[] step(float[] modelOutput, int step, float[] sample, NumpyRandom random) {
        int t = (int) timesteps[step];
        int previous = t - stride;
        double alpha = schedule.alphaCumprod(t);
        double alphaPrev = previous >= 0 ? schedule.alphaCumprod(previous) : finalAlpha;
        Prediction prediction = Prediction.of(config.predictionType(), alpha);
        double toOriginal = Math.sqrt(alphaPrev);
        double toNoise = Math.sqrt(1 - alphaPrev);
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double m = modelOutput[i];
            double original = prediction.original(x, m);
            double epsilon = prediction.noise(x, m);
            if (config.clipSample()) {
                original = Math.max(-config.clipSampleRange(), Math.min(config.clipSampleRange(), original));
            }
            out[i] = (float) (toOriginal * original + toNoise * epsilon);
        }
        return out;
    }

    @Override
    public float[] addNoise(float[] original, float[] noise, int step) {
        return Ddpm.addNoise(original, noise, schedule.alphaCumprod((int) timesteps[step]));
    }
}
