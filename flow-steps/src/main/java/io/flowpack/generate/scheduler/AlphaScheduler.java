package io.flowpack.generate.scheduler;

/**
 * What DDIM and LCM share: they work on ᾱ directly (no σ), take the model input unscaled, start from unit noise,
 * noise img2img latents as x_t = √ᾱ_t·x₀ + √(1−ᾱ_t)·n, and use a final ᾱ (1 with {@code set_alpha_to_one}, its
 * default, else ᾱ₀) below timestep 0.
 */
abstract class AlphaScheduler implements NoiseScheduler {
    protected final SchedulerConfig config;
    protected final NoiseSchedule schedule;
    protected final double[] timesteps;
    private final double finalAlpha;

    AlphaScheduler(SchedulerConfig config, double[] timesteps) {
        this.config = config;
        this.schedule = new NoiseSchedule(config);
        this.timesteps = timesteps;
        this.finalAlpha = config.setAlphaToOne() == null || config.setAlphaToOne() ? 1.0 : schedule.alphaCumprod(0);
    }

    /** ᾱ at a training timestep, or the final ᾱ below 0. */
    protected double alpha(int t) {
        return t >= 0 ? schedule.alphaCumprod(t) : finalAlpha;
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
    public float[] addNoise(float[] original, float[] noise, int step) {
        double alphaProd = schedule.alphaCumprod((int) timesteps[step]);
        double a = Math.sqrt(alphaProd);
        double b = Math.sqrt(1 - alphaProd);
        float[] out = new float[original.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (a * original[i] + b * noise[i]);
        }
        return out;
    }
}
