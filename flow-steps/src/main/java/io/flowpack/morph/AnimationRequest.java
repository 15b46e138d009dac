package io.flowpack.morph;

import io.flowpack.schedule.ScheduleSettings;

/**
 * What an {@link AnimationBackend} is asked to make.
 *
 * @param schedule    the prompt schedule (keyframe text, general/pre and app text, frame count), already checked
 * @param width       frame width in pixels, a multiple of 8 (latent size)
 * @param height      frame height in pixels, a multiple of 8
 * @param seed        the noise seed of the whole batch
 * @param steps       denoising steps
 * @param guidance    classifier-free guidance scale
 * @param model       the image model (a checkpoint name on the server); empty keeps the template's
 * @param motionModel the motion model (AnimateDiff {@code model_name}); empty keeps the template's
 */
public record AnimationRequest(ScheduleSettings schedule, int width, int height, long seed, int steps,
                               double guidance, String model, String motionModel) {
    public AnimationRequest {
        if (width < 8 || height < 8 || width % 8 != 0 || height % 8 != 0) {
            throw new IllegalArgumentException("animation frames must be multiples of 8 pixels, got " + width + "×"
                    + height);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        model = model == null ? "" : model.strip();
        motionModel = motionModel == null ? "" : motionModel.strip();
    }

    /** The number of frames: the schedule's {@code max_frames}. */
    public int frames() {
        return schedule.maxFrames();
    }
}
