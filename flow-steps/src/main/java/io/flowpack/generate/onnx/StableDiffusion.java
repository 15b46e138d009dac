package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.random.NumpyRandom;
import io.flowpack.generate.scheduler.NoiseScheduler;
import io.flowpack.generate.scheduler.Schedulers;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable Diffusion on a loaded {@link DiffusersPipeline}, step for step as diffusers' ONNX pipelines:
 * <ol>
 *   <li>encode the prompt, and with guidance &gt; 1 the negative prompt; the UNet batch is
 *       {@code [negative × B, prompt × B]};</li>
 *   <li>latents: text to image {@code randn(B,4,h,w)·init_noise_sigma} from {@link NumpyRandom}(seed); img2img:
 *       the VAE-encoded image noised with {@code randn(B,4,h,w)} to the level of step
 *       {@code steps − ⌊steps·strength⌋}, from which the loop starts;</li>
 *   <li>each step: scale the input, run the UNet on both halves at once, guide
 *       {@code ε = ε_neg + g·(ε_prompt − ε_neg)}, step the scheduler, report progress; cancellation is checked
 *       before every step;</li>
 *   <li>decode each latent with the VAE.</li>
 * </ol>
 */
public final class StableDiffusion {

    private StableDiffusion() {
    }

    /**
     * The images, the final latents they were decoded from ({@code [B,4,h,w]}, before the VAE scaling), and the facts
     * for the audit.
     */
    public record Output(List<BufferedImage> images, float[] latents, Map<String, Object> details) {
    }

    public static Output generate(DiffusersPipeline pipeline, GenerationRequest request, GenerationListener listener) {
        boolean guided = classifierFree(pipeline, request);
        return generate(pipeline, request, listener, new Conditioning(TextEncoder.encode(pipeline, request.prompt()),
                guided ? TextEncoder.encode(pipeline, request.negativePrompt()) : null));
    }

    /**
     * As {@link #generate(DiffusersPipeline, GenerationRequest, GenerationListener)}, conditioned on the given hidden
     * states instead of the request's prompts (e.g. a blended frame of a prompt schedule, {@link Conditioning#of(
     * DiffusersPipeline, io.flowpack.schedule.FramePrompt)}); the negative one is only used with guidance &gt; 1.
     */
    public static Output generate(DiffusersPipeline pipeline, GenerationRequest request, GenerationListener listener,
                                  Conditioning conditioning) {
        int h = request.height() / 8;
        int w = request.width() / 8;
        int batch = request.batch();
        int latentSize = 4 * h * w;
        Unet.checkSize(pipeline.unet(), h, w);
        NoiseScheduler scheduler = Schedulers.create(request.scheduler(), pipeline.schedulerConfig(), request.steps());

        NumpyRandom random = new NumpyRandom(request.seed());
        int start;
        float[] latents;
        if (request.imageToImage()) {
            int strengthSteps = Math.min((int) (request.steps() * request.strength()), request.steps());
            if (strengthSteps < 1) {
                throw new GenerationException("strength " + request.strength() + " × " + request.steps()
                        + " steps leaves no denoising step; raise strength or steps");
            }
            start = request.steps() - strengthSteps;
            float[] encoded = Vae.encode(pipeline, resized(request.initImage(), request.width(), request.height()), h, w);
            float[] init = new float[batch * latentSize];
            for (int b = 0; b < batch; b++) {
                System.arraycopy(encoded, 0, init, b * latentSize, latentSize);
            }
            latents = scheduler.addNoise(init, random.randn(init.length), start);
        } else {
            start = 0;
            latents = random.randn(batch * latentSize);
            float sigma = (float) scheduler.initNoiseSigma();
            for (int i = 0; i < latents.length; i++) {
                latents[i] *= sigma;
            }
        }

        int total = scheduler.timesteps().length - start;
        boolean guided = classifierFree(pipeline, request);
        latents = LatentSampling.denoise(pipeline, scheduler, latents, start, conditioning, request.guidance(), batch,
                h, w, random, listener);

        List<BufferedImage> images = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            float[] one = java.util.Arrays.copyOfRange(latents, b * latentSize, (b + 1) * latentSize);
            images.add(Vae.decode(pipeline, one, h, w));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scheduler", scheduler.name());
        details.put("steps", request.steps());
        details.put("denoisingSteps", total);
        details.put("guidanceApplied", guided);
        details.put("guidanceEmbedding", LatentSampling.embedsGuidance(pipeline));
        details.put("rng", "numpy RandomState(seed) / MT19937");
        return new Output(images, latents, details);
    }

    /**
     * Whether guidance runs the negative prompt beside the prompt: for a guidance scale above 1, unless the UNet takes
     * the scale as an embedding ({@code timestep_cond}, LCM-distilled models), which then guides by itself.
     */
    static boolean classifierFree(DiffusersPipeline pipeline, GenerationRequest request) {
        return request.guidance() > 1 && !pipeline.unet().hasInput(Unet.TIMESTEP_COND);
    }

    /** Classifier-free guidance over {@code [uncond, cond]} halves of {@code size} values each. */
    static float[] guide(float[] output, int size, float scale) {
        float[] guided = new float[size];
        for (int i = 0; i < size; i++) {
            float uncond = output[i];
            guided[i] = uncond + scale * (output[size + i] - uncond);
        }
        return guided;
    }

    private static BufferedImage resized(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
