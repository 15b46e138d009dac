package io.flowpack.generate.scheduler;

/**
 * x₀ and ε from the sample x and the model output m at a timestep with ᾱ, per {@code prediction_type}; all are
 * linear, so they are kept as coefficients (a = √ᾱ, b = √(1−ᾱ)):
 * epsilon: x₀ = (x − b·m)/a, ε = m; v_prediction: x₀ = a·x − b·m, ε = b·x + a·m; sample: x₀ = m, ε = (x − a·m)/b.
 */
record Prediction(double originalFromSample, double originalFromOutput, double noiseFromSample,
                  double noiseFromOutput) {

    static Prediction of(String predictionType, double alphaProd) {
        double a = Math.sqrt(alphaProd);
        double b = Math.sqrt(1 - alphaProd);
        return switch (predictionType) {
            case "epsilon" -> new Prediction(1 / a, -b / a, 0, 1);
            case "v_prediction" -> new Prediction(a, -b, b, a);
            default -> new Prediction(0, 1, 1 / b, -a / b);
        };
    }

    double original(double sample, double output) {
        return originalFromSample * sample + originalFromOutput * output;
    }

    double noise(double sample, double output) {
        return noiseFromSample * sample + noiseFromOutput * output;
    }
}
