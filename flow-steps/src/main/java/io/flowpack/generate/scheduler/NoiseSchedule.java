package io.flowpack.generate.scheduler;

/**
 * The training noise schedule: β per training timestep and ᾱ_t = Π(1 − β), as diffusers builds it (in double
 * precision; diffusers uses float32, a difference of about 1e-7 relative).
 */
final class NoiseSchedule {
    private final double[] alphasCumprod;

    NoiseSchedule(SchedulerConfig config) {
        int n = config.numTrainTimesteps();
        double[] betas = new double[n];
        switch (config.betaSchedule()) {
            case "linear" -> {
                for (int i = 0; i < n; i++) {
                    betas[i] = config.betaStart() + (config.betaEnd() - config.betaStart()) * i / (n - 1);
                }
            }
            case "scaled_linear" -> {
                double from = Math.sqrt(config.betaStart());
                double to = Math.sqrt(config.betaEnd());
                for (int i = 0; i < n; i++) {
                    double b = from + (to - from) * i / (n - 1);
                    betas[i] = b * b;
                }
            }
            default -> {                                           // squaredcos_cap_v2 (Nichol & Dhariwal)
                for (int i = 0; i < n; i++) {
                    betas[i] = Math.min(1 - alphaBar((i + 1.0) / n) / alphaBar((double) i / n), 0.999);
                }
            }
        }
        alphasCumprod = new double[n];
        double product = 1;
        for (int i = 0; i < n; i++) {
            product *= 1 - betas[i];
            alphasCumprod[i] = product;
        }
    }

    /** ᾱ at a training timestep. */
    double alphaCumprod(int t) {
        return alphasCumprod[t];
    }

    int size() {
        return alphasCumprod.length;
    }

    /** σ_t = √((1 − ᾱ_t)/ᾱ_t), linearly interpolated between whole timesteps (numpy's {@code interp}). */
    double sigma(double t) {
        int low = (int) Math.floor(t);
        int high = Math.min(low + 1, alphasCumprod.length - 1);
        double a = sigmaAt(low);
        return low == high ? a : a + (sigmaAt(high) - a) * (t - low);
    }

    private double sigmaAt(int t) {
        return Math.sqrt((1 - alphasCumprod[t]) / alphasCumprod[t]);
    }

    private static double alphaBar(double t) {
        double c = Math.cos((t + 0.008) / 1.008 * Math.PI / 2);
        return c * c;
    }
}
