package io.flowpack.generate.onnx;

import io.flowpack.generate.context.ContextOptions;
import io.flowpack.generate.scheduler.SchedulerConfig;

/**
 * Sampling the latents of a batch as the frames of one animation (AnimateDiff): each step's noise is predicted by a
 * motion model, window by window over the frames when {@code context} slides, the windows' overlaps fused.
 *
 * @param model   the motion UNet
 * @param context the context windows; null: one window of every frame
 * @param scale   motion_scale: the prediction is {@code plain + scale·(motion − plain)}, {@code plain} being the
 *                checkpoint's UNet on the same frames (1: the motion model alone, 0: no motion at all)
 * @param betas   the noise schedule the motion model was trained with, replacing the checkpoint's; null keeps it
 */
public record MotionSampling(MotionModel model, ContextOptions context, double scale, Betas betas) {
    /** The most frames sampled together. */
    public static final int MAX_FRAMES = 4096;

    public MotionSampling {
        if (model == null) {
            throw new IllegalArgumentException("a motion model is needed");
        }
        if (!(scale >= 0 && scale <= 100)) {
            throw new IllegalArgumentException("motion_scale must be 0…100, got " + scale);
        }
    }

    /**
     * A beta schedule by diffusers' names ({@code linear}, {@code scaled_linear}, {@code squaredcos_cap_v2}) and
     * range.
     */
    public record Betas(String schedule, double start, double end) {

        /** The config with these betas; everything else (prediction type, spacing …) stays the checkpoint's. */
        public SchedulerConfig applyTo(SchedulerConfig c) {
            return new SchedulerConfig(c.className(), c.numTrainTimesteps(), start, end, schedule,
                    c.predictionType(), c.timestepSpacing(), c.stepsOffset(), c.setAlphaToOne(), c.clipSample(),
                    c.clipSampleRange(), c.originalInferenceSteps(), c.timestepScaling());
        }
    }
}
