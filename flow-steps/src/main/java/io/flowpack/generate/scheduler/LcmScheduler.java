package io.flowpack.generate.scheduler;

import io.flowpack.generate.random.NumpyRandom;

/**
 * diffusers' {@code LCMScheduler}: the timesteps are {@code S} of the {@code original_inference_steps} LCM was
 * distilled on (k = N / original, t ∈ {k−1, 2k−1, …}, taken from the top at indices ⌊j·len/S⌋). A step predicts x₀,
 * applies the consistency boundary condition (c_skip = σ_d²/((10t)² + σ_d²), c_out = 10t/√((10t)² + σ_d²),
 * σ_d = 0.5, 10 = {@code timestep_scaling}): denoised = c_out·x₀ + c_skip·x, and re-noises to the next timestep
 * except at the last step: x' = √ᾱ'·denoised + √(1−ᾱ')·n.
 */
final class LcmScheduler extends AlphaScheduler {
    private static final double SIGMA_DATA = 0.5;

    LcmScheduler(SchedulerConfig config, int steps) {
        super(config, timesteps(config, steps));
    }

    private static double[] timesteps(SchedulerConfig config, int steps) {
        int original = config.originalInferenceSteps();
        if (steps < 1 || steps > original) {
            throw new SchedulerConfigException("lcm takes 1…" + original + " steps (original_inference_steps), got "
                    + steps);
        }
        int k = config.numTrainTimesteps() / original;
        double[] timesteps = new double[steps];
        for (int j = 0; j < steps; j++) {
            int index = (int) Math.floor((double) j * original / steps);      // into k−1, 2k−1, … from the top
            timesteps[j] = (original - index) * k - 1;
        }
        return timesteps;
    }

    @Override
    public String name() {
        return "lcm";
    }

    @Override
    public float[] step(float[] modelOutput, int step, float[] sample, NumpyRandom random) {
        int t = (int) timesteps[step];
        boolean last = step == timesteps.length - 1;
        double alphaPrev = alpha(last ? t : (int) timesteps[step + 1]);
        double scaled = t * config.timestepScaling();
        double cSkip = SIGMA_DATA * SIGMA_DATA / (scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        double cOut = scaled / Math.sqrt(scaled * scaled + SIGMA_DATA * SIGMA_DATA);
        float[] noise = last ? null : random.randn(sample.length);
        Prediction prediction = Prediction.of(config.predictionType(), alpha(t));
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
}
