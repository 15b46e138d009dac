package io.flowpack.generate.scheduler;

/** The forward process shared by DDIM and LCM: x_t = √ᾱ_t·x₀ + √(1−ᾱ_t)·n. */
final class Ddpm {

    private Ddpm() {
    }

    static float[] addNoise(float[] original, float[] noise, double alphaProd) {
        double a = Math.sqrt(alphaProd);
        double b = Math.sqrt(1 - alphaProd);
        float[] out = new float[original.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (a * original[i] + b * noise[i]);
        }
        return out;
    }
}
