package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.random.NumpyRandom;
import io.flowpack.generate.scheduler.NoiseScheduler;
import io.flowpack.generate.scheduler.Schedulers;

import java.awt.image.BufferedImage;
import java.util.concurrent.CancellationException;

/**
 * The pipeline's parts one at a time, for a graph that wires them itself (ComfyUI's CLIPTextEncode → KSampler →
 * VAEDecode): encode a prompt, denoise latents on given conditioning, decode and encode with the VAE. The
 * denoising loop is the one {@link StableDiffusion} runs.
 */
public final class LatentSampling {

    private LatentSampling() {
    }

    /**
     * What to denoise.
     *
     * @param positive       the prompt's hidden states (tokens × dim)
     * @param negative       the unconditional hidden states; used only with guidance above 1
     * @param latentImage    {@code [batch,4,h,w]} latents to start from (img2img), or null to start from pure noise
     * @param batch          latents in the batch
     * @param height         latent rows (pixels / 8)
     * @param width          latent columns (pixels / 8)
     * @param seed           0 … 2³²−1, the noise's seed ({@link NumpyRandom})
     * @param steps          denoising steps actually run
     * @param guidance       classifier-free guidance scale
     * @param scheduler      a {@link Schedulers} name or {@code auto}
     * @param timestepSpacing {@code leading}, {@code trailing}, {@code linspace}, or null for the model's config
     * @param denoise        0 … 1: the schedule has {@code ⌊steps/denoise⌋} steps of which the last {@code steps} run
     *                       (ComfyUI's {@code denoise}); 0 returns the latents unchanged
     * @param positiveItems  encodings in {@code positive}: 1 (used for every latent) or {@code batch} (one each)
     * @param negativeItems  encodings in {@code negative}, likewise
     */
    public record Request(float[] positive, float[] negative, float[] latentImage, int batch, int height, int width,
                          long seed, int steps, double guidance, String scheduler, String timestepSpacing,
                          double denoise, int positiveItems, int negativeItems) {

        /** One encoding each for the prompt and the negative prompt. */
        public Request(float[] positive, float[] negative, float[] latentImage, int batch, int height, int width,
                       long seed, int steps, double guidance, String scheduler, String timestepSpacing,
                       double denoise) {
            this(positive, negative, latentImage, batch, height, width, seed, steps, guidance, scheduler,
                    timestepSpacing, denoise, 1, 1);
        }

        public Request {
            if (batch < 1 || height < 1 || width < 1 || steps < 1) {
                throw new IllegalArgumentException("batch, size and steps must be positive");
            }
            if (!(denoise >= 0 && denoise <= 1)) {
                throw new IllegalArgumentException("denoise must be 0…1, got " + denoise);
            }
            if (latentImage != null && latentImage.length != batch * 4 * height * width) {
                throw new IllegalArgumentException("latents of " + latentImage.length + " values do not match ["
                        + batch + ",4," + height + "," + width + "]");
            }
        }
    }

    /** The text encoder's hidden states of a prompt (tokens × dim floats; do not change the array). */
    public static float[] encodeText(DiffusersPipeline pipeline, String text) {
        return TextEncoder.encode(pipeline, text);
    }

    /** Whether the UNet guides by itself from an embedded scale (LCM), so no negative branch is run. */
    public static boolean embedsGuidance(DiffusersPipeline pipeline) {
        return pipeline.unet().hasInput(Unet.TIMESTEP_COND);
    }

    /**
     * The denoised latents {@code [batch,4,h,w]}.
     *
     * @throws CancellationException when the listener cancels between steps
     */
    public static float[] sample(DiffusersPipeline pipeline, Request request, GenerationListener listener) {
        return sample(pipeline, request, null, listener);
    }

    /**
     * As {@link #sample(DiffusersPipeline, Request, GenerationListener)}; with {@code motion}, the batch is the frames
     * of one animation whose noise the motion model predicts window by window ({@link MotionSampling}).
     *
     * @param motion null for independent images
     */
    public static float[] sample(DiffusersPipeline pipeline, Request request, MotionSampling motion,
                                 GenerationListener listener) {
        int h = request.height();
        int w = request.width();
        Unet.checkSize(pipeline.unet(), h, w);
        if (request.denoise() == 0) {
            return request.latentImage() != null ? request.latentImage().clone()
                    : new float[request.batch() * 4 * h * w];
        }
        int scheduleSteps = request.denoise() >= 1 ? request.steps()
                : (int) Math.floor(request.steps() / request.denoise());
        var checkpointConfig = motion == null || motion.betas() == null ? pipeline.schedulerConfig()
                : motion.betas().applyTo(pipeline.schedulerConfig());
        var config = request.timestepSpacing() == null ? checkpointConfig
                : checkpointConfig.withTimestepSpacing(request.timestepSpacing());
        if (scheduleSteps > config.numTrainTimesteps()) {
            throw new GenerationException((request.denoise() < 1 ? "denoise " + request.denoise() + " with "
                    + request.steps() + " steps needs a schedule of " + scheduleSteps + " steps" : request.steps()
                    + " steps are") + " more than the model's " + config.numTrainTimesteps()
                    + " training timesteps; lower steps" + (request.denoise() < 1 ? " or raise denoise" : ""));
        }
        NoiseScheduler scheduler = Schedulers.create(request.scheduler(), config, scheduleSteps);
        int start = scheduleSteps - request.steps();
        NumpyRandom random = new NumpyRandom(request.seed());
        float[] noise = random.randn(request.batch() * 4 * h * w);
        float[] latents;
        if (request.latentImage() == null || (request.denoise() >= 1 && allZero(request.latentImage()))) {
            latents = noise;                                   // text to image, as StableDiffusion starts it
            float sigma = (float) scheduler.initNoiseSigma();
            for (int i = 0; i < latents.length; i++) {
                latents[i] *= sigma;
            }
        } else {
            latents = scheduler.addNoise(request.latentImage(), noise, start);
        }
        boolean guided = request.guidance() > 1 && !embedsGuidance(pipeline);
        Conditioning conditioning = new Conditioning(request.positive(), request.positiveItems(),
                guided ? request.negative() : null, request.negativeItems());
        NoisePredictor predictor = motion == null
                ? UnetNoise.of(pipeline, conditioning, request.guidance(), request.batch(), h, w)
                : MotionNoise.of(pipeline, motion, conditioning, request.guidance(), request.batch(), h, w, listener);
        return denoise(scheduler, latents, start, predictor, random, listener);
    }

    /**
     * The loop: from step {@code start} of the schedule to its end, scale the input, run the UNet on the negative and
     * positive halves at once (guidance above 1 without an embedded scale), guide, step, report.
     */
    static float[] denoise(DiffusersPipeline pipeline, NoiseScheduler scheduler, float[] latents, int start,
                           Conditioning conditioning, double guidance, int batch, int h, int w, NumpyRandom random,
                           GenerationListener listener) {
        return denoise(scheduler, latents, start, UnetNoise.of(pipeline, conditioning, guidance, batch, h, w), random,
                listener);
    }

    /** The loop with any prediction: scale the input, predict the guided noise, step, report. */
    static float[] denoise(NoiseScheduler scheduler, float[] latents, int start, NoisePredictor predictor,
                           NumpyRandom random, GenerationListener listener) {
        double[] timesteps = scheduler.timesteps();
        int total = timesteps.length - start;
        for (int i = start; i < timesteps.length; i++) {
            if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("generation cancelled after " + (i - start) + " of " + total + " steps");
            }
            float[] input = new float[latents.length];
            float scale = (float) scheduler.inputScale(i);
            for (int k = 0; k < latents.length; k++) {
                input[k] = latents[k] * scale;
            }
            float[] noise = predictor.predict(input, timesteps[i], i - start);
            latents = scheduler.step(noise, i, latents, random);
            listener.step(i - start + 1, total);
        }
        return latents;
    }

    /** One latent {@code [4,h,w]} decoded by the VAE to RGB. */
    public static BufferedImage decode(DiffusersPipeline pipeline, float[] latent, int h, int w) {
        return Vae.decode(pipeline, latent, h, w);
    }

    /**
     * One RGB image of {@code 8w × 8h} pixels encoded by the VAE to a latent {@code [4,h,w]} (scaled).
     *
     * @throws GenerationException when the folder has no {@code vae_encoder}
     */
    public static float[] encode(DiffusersPipeline pipeline, BufferedImage image) {
        if (image.getWidth() % 8 != 0 || image.getHeight() % 8 != 0) {
            throw new GenerationException("the VAE encodes images whose sides are multiples of 8, got "
                    + image.getWidth() + "×" + image.getHeight());
        }
        return Vae.encode(pipeline, image, image.getHeight() / 8, image.getWidth() / 8);
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
