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
     */
    public record Request(float[] positive, float[] negative, float[] latentImage, int batch, int height, int width,
                          long seed, int steps, double guidance, String scheduler, String timestepSpacing,
                          double denoise) {
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
        int h = request.height();
        int w = request.width();
        Unet.checkSize(pipeline.unet(), h, w);
        if (request.denoise() == 0) {
            return request.latentImage() != null ? request.latentImage().clone()
                    : new float[request.batch() * 4 * h * w];
        }
        int scheduleSteps = request.denoise() >= 1 ? request.steps()
                : (int) Math.floor(request.steps() / request.denoise());
        var config = request.timestepSpacing() == null ? pipeline.schedulerConfig()
                : pipeline.schedulerConfig().withTimestepSpacing(request.timestepSpacing());
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
        return denoise(pipeline, scheduler, latents, start, new Conditioning(request.positive(),
                guided ? request.negative() : null), request.guidance(), request.batch(), h, w, random, listener);
    }

    /**
     * The loop: from step {@code start} of the schedule to its end, scale the input, run the UNet on the negative and
     * positive halves at once (guidance above 1 without an embedded scale), guide, step, report.
     */
    static float[] denoise(DiffusersPipeline pipeline, NoiseScheduler scheduler, float[] latents, int start,
                           Conditioning conditioning, double guidance, int batch, int h, int w, NumpyRandom random,
                           GenerationListener listener) {
        boolean guided = guidance > 1 && !embedsGuidance(pipeline);
        float[] embedding = embedsGuidance(pipeline)
                ? Unet.guidanceEmbedding(guidance - 1, Unet.guidanceEmbeddingSize(pipeline.unet())) : null;
        float[] prompt = conditioning.positive();
        int tokens = pipeline.tokenizer().maxLength();
        int dim = prompt.length / tokens;
        if (guided && conditioning.negative() == null) {
            throw new GenerationException("guidance above 1 needs the negative conditioning");
        }
        float[] hidden = guided
                ? repeatConcat(conditioning.negative(), prompt, batch)
                : repeatConcat(null, prompt, batch);
        if (hidden.length != (guided ? 2 : 1) * batch * tokens * dim) {
            throw new GenerationException("text_encoder gave different sizes for the prompt and the negative prompt");
        }
        int latentSize = 4 * h * w;
        double[] timesteps = scheduler.timesteps();
        int total = timesteps.length - start;
        int n = guided ? 2 * batch : batch;
        for (int i = start; i < timesteps.length; i++) {
            if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("generation cancelled after " + (i - start) + " of " + total + " steps");
            }
            float[] input = new float[n * latentSize];
            float scale = (float) scheduler.inputScale(i);
            for (int k = 0; k < latents.length; k++) {
                input[k] = latents[k] * scale;
            }
            if (guided) {
                System.arraycopy(input, 0, input, latents.length, latents.length);
            }
            float[] output = Unet.predict(pipeline.unet(), input, n, h, w, timesteps[i], hidden, tokens, dim,
                    embedding);
            float[] noise = guided ? StableDiffusion.guide(output, latents.length, (float) guidance) : output;
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

    /** {@code first} repeated {@code times}, then {@code second} repeated {@code times} ({@code first} may be null). */
    private static float[] repeatConcat(float[] first, float[] second, int times) {
        int firstLength = first == null ? 0 : first.length;
        float[] out = new float[times * (firstLength + second.length)];
        for (int i = 0; i < times; i++) {
            if (first != null) {
                System.arraycopy(first, 0, out, i * firstLength, firstLength);
            }
            System.arraycopy(second, 0, out, times * firstLength + i * second.length, second.length);
        }
        return out;
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
