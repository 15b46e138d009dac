package io.flowpack.generate.onnx;

/**
 * What the denoising loop asks at every step: the noise prediction, guidance applied, for the whole latent batch.
 * {@link UnetNoise} runs the checkpoint's UNet on all latents at once (images); {@link MotionNoise} runs a motion
 * model window by window over the frames of an animation.
 */
interface NoisePredictor {

    /**
     * @param scaledLatents the batch {@code [batch,4,h,w]}, already scaled by the scheduler's input scale
     * @param timestep      the schedule's timestep
     * @param step          0-based index of the step in the schedule
     * @return the guided noise prediction {@code [batch,4,h,w]}
     */
    float[] predict(float[] scaledLatents, double timestep, int step);
}
