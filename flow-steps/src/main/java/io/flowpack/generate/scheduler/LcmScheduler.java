package io.flowpack.generate.scheduler;

import io.flowpack.generate.random.NumpyRandom;

/**
 * diffusers' {@code LCMScheduler}: the timesteps are {@code S} of the {@code original_inference_steps} LCM was
 * distilled on (k = N / original, t ∈ {k−1, 2k−1, …}, taken from the top at indices ⌊j·len/S⌋). A step predicts x₀,
 * applies the consistency boundary condition (c_skip = σ_d²/((10t)² + σ_d²), c_out = 10t/√((10t)² + σ_d²),
 * σ_d = 0.5, 10 = {@code timestep_scaling}): denoised = c_out·x₀ + c_skip·x, and re-noises to the next timestep
 * except at the last step: x' = √ᾱ'·denoised + √(1−ᾱ')·n.
 */
final class LcmScheduler implements NoiseScheduler {
    private static final double SIGMA_DATA = 0.5;

    private final SchedulerConfig config;
    private final NoiseSchedule schedule;
    private final double[] timesteps;
    private final double finalAlpha;

    LcmScheduler(SchedulerConfig config, int steps) {
        int original = config.originalInferenceSteps();
        if (steps < 1 || steps > original) {
            throw new SchedulerConfigException("lcm takes 1…" + original + " steps (original_inference_steps), got "
                    + steps);
        }
        this.config = config;
        this.schedule = new NoiseSchedule(config);
        int k = config.numTrainTimesteps() / original;
        int[] origin = new int[original];                        // k−1, 2k−1, … from the top
        for (int i = 0; i < original; i++) {
            origin[i] = (original - i) * k - 1;
        }
        timesteps = new double[steps];
        for (int j = 0; j < steps; j++) {
            timesteps[j] = origin[(int) Math.floor((double) j * original / steps)];
        }
        this.finalAlpha = config.setAlphaToOne() == null || config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0);
    }

    @Override
    public String name() {
        return "lcm";
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
        boolean last = step == timesteps.length - 1;
        int previous = last ? t : (int) timesteps[step + 1];
        double alpha = schedule.alphaCumprod(t);
        double alphaPrev = previous >= 0 ? schedule.alphaCumprod(previous) : finalAlpha;
        double scaled = t * config.timestepScaling();
        double cSkip = SIGMA_DATA * SIGMA_DATA / (scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        double cOut = scaled / Math.sqrt(scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        float[] noise = last ? null : random.randn(sample.length);
        Prediction prediction = Prediction.of(config.predictionType(), alpha);
        double toDenoised = Math.sqrt(alphaPrev);
        double toNoise = Math.sqrt(1 - alphaPrev);
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double denoised = cOut * prediction.original(x, modelOutput[i]) + cSkip * x;
            out[i] = (float) (last ? denoised : toDenoised * denoised + toNoise * noise[i]);
        }
        return out;
    }

    @Override
    public float[] addNoise(float[] original, float[] noise, int step) {
        return Ddpm.addNoise(original, noise, schedule.alphaCumprod((int) timesteps[step]));
    }
}
