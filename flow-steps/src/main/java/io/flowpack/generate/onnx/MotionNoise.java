package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.context.ContextWindows;
import io.flowpack.generate.context.FuseMethod;
import io.flowpack.generate.context.WindowFusion;

import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The animation path's prediction: per step, the context windows of the frames ({@link ContextWindows}); for each
 * window the motion model predicts its frames' noise for the prompt and, with guidance, for the negative prompt
 * (guided as the image path guides); with a motion scale other than 1 the checkpoint's UNet predicts the same frames
 * and the result is {@code plain + scale·(motion − plain)}. The windows' predictions are fused by the context's
 * fuse method. Cancellation is checked between windows.
 */
final class MotionNoise implements NoisePredictor {
    private final MotionSampling motion;
    private final UnetNoise plain;
    private final float[] positive;
    private final float[] negative;                    // null without guidance
    private final float guidance;
    private final int frames;
    private final int h;
    private final int w;
    private final int tokens;
    private final int dim;
    private final GenerationListener listener;

    private MotionNoise(MotionSampling motion, UnetNoise plain, float[] positive, float[] negative, float guidance,
                        int frames, int h, int w, int tokens, int dim, GenerationListener listener) {
        this.motion = motion;
        this.plain = plain;
        this.positive = positive;
        this.negative = negative;
        this.guidance = guidance;
        this.frames = frames;
        this.h = h;
        this.w = w;
        this.tokens = tokens;
        this.dim = dim;
        this.listener = listener;
    }

    /** @throws GenerationException when the motion model cannot run these frames, size or encodings */
    static MotionNoise of(DiffusersPipeline pipeline, MotionSampling motion, Conditioning conditioning,
                          double guidance, int frames, int h, int w, GenerationListener listener) {
        if (frames > MotionSampling.MAX_FRAMES) {
            throw new GenerationException(frames + " frames are more than the " + MotionSampling.MAX_FRAMES
                    + " an animation may have");
        }
        if (LatentSampling.embedsGuidance(pipeline)) {
            throw new GenerationException("the checkpoint's UNet takes an LCM guidance embedding (timestep_cond), "
                    + "which a motion model does not; use a checkpoint without it");
        }
        UnetNoise plain = UnetNoise.of(pipeline, conditioning, guidance, frames, h, w);
        boolean guided = guidance > 1;
        int tokens = pipeline.tokenizer().maxLength();
        int dim = conditioning.positive().length / conditioning.positiveItems() / tokens;
        int window = ContextWindows.of(frames, motion.context(), 0).get(0).length;
        motion.model().check(window, h, w, dim);
        return new MotionNoise(motion, plain, conditioning.positiveFor(frames),
                guided ? conditioning.negativeFor(frames) : null, (float) guidance, frames, h, w, tokens, dim,
                listener);
    }

    @Override
    public float[] predict(float[] scaledLatents, double timestep, int step) {
        List<int[]> windows = ContextWindows.of(frames, motion.context(), step);
        FuseMethod fuse = motion.context() == null ? FuseMethod.FLAT : motion.context().fuse();
        int frameSize = 4 * h * w;
        WindowFusion fusion = new WindowFusion(frames, frameSize);
        for (int[] window : windows) {
            if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("generation cancelled between context windows");
            }
            float[] latents = UnetNoise.gather(scaledLatents, window, frameSize);
            float[] prediction = motion.scale() == 0 ? plain.predict(latents, window, timestep)
                    : windowPrediction(latents, window, timestep);
            fusion.add(window, prediction, fuse.weights(window.length));
        }
        return fusion.result();
    }

    private float[] windowPrediction(float[] latents, int[] window, double timestep) {
        int n = window.length;
        int rowSize = tokens * dim;
        float[] noise = motion.model().predict(latents, n, h, w, timestep,
                UnetNoise.gather(positive, window, rowSize), tokens, dim);
        if (negative != null) {
            float[] unconditional = motion.model().predict(latents, n, h, w, timestep,
                    UnetNoise.gather(negative, window, rowSize), tokens, dim);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = unconditional[i] + guidance * (noise[i] - unconditional[i]);
            }
        }
        if (motion.scale() != 1) {
            float[] base = plain.predict(latents, window, timestep);
            float scale = (float) motion.scale();
            for (int i = 0; i < noise.length; i++) {
                noise[i] = base[i] + scale * (noise[i] - base[i]);
            }
        }
        return noise;
    }
}
