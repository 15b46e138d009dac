package io.flowpack.generate.context;

/**
 * Averages the predictions of overlapping context windows: every frame's result is
 * {@code Σ weight·prediction / Σ weight} over the windows that hold it.
 */
public final class WindowFusion {
    private final int frameSize;
    private final double[] sums;
    private final double[] weights;

    /** @param frameSize values per frame, e.g. {@code 4·h·w} latents */
    public WindowFusion(int frames, int frameSize) {
        this.frameSize = frameSize;
        this.sums = new double[Math.multiplyExact(frames, frameSize)];
        this.weights = new double[frames];
    }

    /** Adds one window's prediction ({@code window.length × frameSize} values, in window order). */
    public void add(int[] window, float[] prediction, double[] windowWeights) {
        for (int k = 0; k < window.length; k++) {
            int frame = window[k];
            double weight = windowWeights[k];
            weights[frame] += weight;
            int from = k * frameSize;
            int to = frame * frameSize;
            for (int i = 0; i < frameSize; i++) {
                sums[to + i] += weight * prediction[from + i];
            }
        }
    }

    /** The fused predictions of every frame. */
    public float[] result() {
        float[] out = new float[sums.length];
        for (int frame = 0; frame < weights.length; frame++) {
            if (!(weights[frame] > 0)) {
                throw new IllegalStateException("frame " + frame + " is in no context window");
            }
            int from = frame * frameSize;
            for (int i = 0; i < frameSize; i++) {
                out[from + i] = (float) (sums[from + i] / weights[frame]);
            }
        }
        return out;
    }
}
