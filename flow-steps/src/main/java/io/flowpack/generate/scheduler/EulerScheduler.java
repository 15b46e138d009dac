package io.flowpack.generate.scheduler;

import io.flowpack.generate.random.NumpyRandom;

/**
 * diffusers' {@code EulerDiscreteScheduler} (and with {@code ancestral}, {@code EulerAncestralDiscreteScheduler}):
 * σ_i = √((1−ᾱ)/ᾱ) at each timestep (interpolated for fractional ones) followed by σ = 0; the model sees
 * x / √(σ²+1); x₀ from the prediction type; d = (x − x₀)/σ_i;
 * Euler: x' = x + d·(σ_{i+1} − σ_i);
 * ancestral: σ_up = √(σ_{i+1}²(σ_i² − σ_{i+1}²)/σ_i²), σ_down = √(σ_{i+1}² − σ_up²), x' = x + d·(σ_down − σ_i) + n·σ_up.
 */
final class EulerScheduler implements NoiseScheduler {
    private final boolean ancestral;
    private final String prediction;
    private final double[] timesteps;
    private final double[] sigmas;
    private final double initNoiseSigma;

    EulerScheduler(SchedulerConfig config, int steps, boolean ancestral) {
        Timesteps.checkSteps(steps, config.numTrainTimesteps());
        this.ancestral = ancestral;
        this.prediction = config.predictionType();
        String spacing = config.spacing("linspace");
        NoiseSchedule schedule = new NoiseSchedule(config);
        timesteps = Timesteps.spaced(spacing, config.numTrainTimesteps(), steps, config.stepsOffset(), false);
        sigmas = new double[steps + 1];
        double max = 0;
        for (int i = 0; i < steps; i++) {
            sigmas[i] = schedule.sigma(timesteps[i]);
            max = Math.max(max, sigmas[i]);
        }
        initNoiseSigma = spacing.equals("leading") ? Math.sqrt(max * max + 1) : max;
    }

    @Override
    public String name() {
        return ancestral ? "euler_ancestral" : "euler";
    }

    @Override
    public double[] timesteps() {
        return timesteps.clone();
    }

    @Override
    public double initNoiseSigma() {
        return initNoiseSigma;
    }

    @Override
    public double inputScale(int step) {
        return 1 / Math.sqrt(sigmas[step] * sigmas[step] + 1);
    }

    /** σ at a step ({@code steps} gives the final 0). */
    double sigma(int step) {
        return sigmas[step];
    }

    @Override
    public float[] step(float[] modelOutput, int step, float[] sample, NumpyRandom random) {
        double sigma = sigmas[step];
        double next = sigmas[step + 1];
        double up = 0;
        double target = next;
        if (ancestral) {
            up = Math.sqrt(next * next * (sigma * sigma - next * next) / (sigma * sigma));
            target = Math.sqrt(next * next - up * up);
        }
        double dt = target - sigma;
        double slope = dt / sigma;
        float[] noise = ancestral ? random.randn(sample.length) : null;
        // x₀ = fromSample·x + fromOutput·m: ε: x − σ·m; v: m·(−σ/√(σ²+1)) + x/(σ²+1); sample: m
        double fromSample = switch (prediction) {
            case "epsilon" -> 1;
            case "v_prediction" -> 1 / (sigma * sigma + 1);
            default -> 0;
        };
        double fromOutput = switch (prediction) {
            case "epsilon" -> -sigma;
            case "v_prediction" -> -sigma / Math.sqrt(sigma * sigma + 1);
            default -> 1;
        };
        float[] out = new float[sample.length];
        for (int i = 0; i < sample.length; i++) {
            double x = sample[i];
            double original = fromSample * x + fromOutput * modelOutput[i];
            double value = x + (x - original) * slope;          // x + d·dt with d = (x − x₀)/σ
            out[i] = (float) (ancestral ? value + noise[i] * up : value);
        }
        return out;
    }

    @Override
    public float[] addNoise(float[] original, float[] noise, int step) {
        float[] out = new float[original.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (original[i] + noise[i] * sigmas[step]);
        }
        return out;
    }
}
