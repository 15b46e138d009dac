package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.random.NumpyRandom;
import io.flowpack.generate.scheduler.SchedulerConfig;
import io.flowpack.generate.scheduler.Schedulers;
import io.flowpack.onnx.OnnxModelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The pipeline on the tiny generated models of {@link TinyDiffusersModels}. */
class StableDiffusionTest {
    @TempDir
    static Path dir;
    static DiffusersPipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        pipeline = DiffusersPipeline.load(new DiffusersFolder(TinyDiffusersModels.write(dir.resolve("tiny"))), 1);
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private static GenerationRequest request(String scheduler, int steps, double guidance, int batch, long seed) {
        return new GenerationRequest("apples on table", "", seed, 16, 24, steps, guidance, batch, scheduler, 1.0,
                null, "tiny");
    }

    @Test
    void classifierFreeGuidanceByHand() {
        // Mean hidden state = mean token id · mean((d+1)/100) = mean id · 0.025 (D = 4). Ids, padded with 41 to 77:
        // "apples on table" = 40 23 25 6 0 1 20 41 + 69·41 → 2985/77; "" (negative) = 40 + 76·41 → 3156/77
        double promptMean = 2985.0 / 77 * 0.025;
        double negativeMean = 3156.0 / 77 * 0.025;
        double g = 3;
        // one Euler step, trailing spacing: t = 999, σ = σ₉₉₉ = init_noise_sigma, input scale s = 1/√(σ²+1);
        // ε_neg = 0.5·s·x + m_neg + 0.999, ε = 0.5·s·x + m + 0.999, ε_g = ε_neg + g(ε − ε_neg), x' = x − σ·ε_g
        double sigma = Schedulers.create("euler", pipeline.schedulerConfig(), 1).initNoiseSigma();
        double s = 1 / Math.sqrt(sigma * sigma + 1);
        float[] noise = new NumpyRandom(5).randn(4 * 2 * 3);

        float[] guided = StableDiffusion.generate(pipeline, request("euler", 1, g, 1, 5), GenerationListener.NONE).latents();
        float[] plain = StableDiffusion.generate(pipeline, request("euler", 1, 1, 1, 5), GenerationListener.NONE).latents();

        assertThat(guided).hasSize(24);
        for (int i = 0; i < guided.length; i++) {
            double x = noise[i] * (float) sigma;
            double epsGuided = 0.5 * s * x + 0.999 + negativeMean + g * (promptMean - negativeMean);
            double epsPlain = 0.5 * s * x + 0.999 + promptMean;                 // guidance ≤ 1: the prompt alone
            assertThat((double) guided[i]).isCloseTo(x - sigma * epsGuided, within(2e-3));
            assertThat((double) plain[i]).isCloseTo(x - sigma * epsPlain, within(2e-3));
        }
    }

    @Test
    void guidanceArithmetic() {
        // [uncond, cond] halves: u + g·(c − u)
        assertThat(StableDiffusion.guide(new float[]{1, 2, 3, 6}, 2, 7.5f)).containsExactly(1 + 7.5f * 2, 2 + 7.5f * 4);
    }

    @Test
    void sameSeedSameImagesOtherSeedOtherImages() {
        for (String scheduler : Schedulers.NAMES) {
            StableDiffusion.Output a = StableDiffusion.generate(pipeline, request(scheduler, 4, 7.5, 2, 42),
                    GenerationListener.NONE);
            StableDiffusion.Output b = StableDiffusion.generate(pipeline, request(scheduler, 4, 7.5, 2, 42),
                    GenerationListener.NONE);
            StableDiffusion.Output c = StableDiffusion.generate(pipeline, request(scheduler, 4, 7.5, 2, 43),
                    GenerationListener.NONE);

            assertThat(a.images()).hasSize(2);
            assertThat(a.images().get(0).getWidth()).isEqualTo(16);
            assertThat(a.images().get(0).getHeight()).isEqualTo(24);
            assertThat(a.latents()).as(scheduler).containsExactly(b.latents());
            assertThat(pixels(a.images().get(1))).isEqualTo(pixels(b.images().get(1)));
            assertThat(a.latents()).as(scheduler).isNotEqualTo(c.latents());
            // batch items start from different slices of the noise
            assertThat(java.util.Arrays.copyOf(a.latents(), 24)).isNotEqualTo(java.util.Arrays.copyOfRange(a.latents(), 24, 48));
            assertThat(a.details()).containsEntry("scheduler", scheduler);
        }
    }

    @Test
    void decodedPixelsFollowTheLatents() {
        StableDiffusion.Output out = StableDiffusion.generate(pipeline, request("euler", 2, 7.5, 1, 1), GenerationListener.NONE);
        // the tiny decoder shows latent channel c at (y/8, x/8) as colour c: round(clip(l/0.18215/2 + 0.5)·255)
        int plane = 2 * 3;
        for (int c = 0; c < 3; c++) {
            double v = Math.max(0, Math.min(1, out.latents()[c * plane + 4] / 0.18215 / 2 + 0.5));   // y=2, x=0
            int expected = (int) Math.rint(v * 255);
            assertThat(out.images().get(0).getRGB(3, 17) >> (16 - 8 * c) & 0xFF).isEqualTo(expected);
        }
    }

    @Test
    void progressPerStepAndImageToImageStrength() {
        List<String> calls = new ArrayList<>();
        GenerationListener listener = listener(calls, Integer.MAX_VALUE);
        StableDiffusion.generate(pipeline, request("ddim", 5, 7.5, 1, 3), listener);
        assertThat(calls).containsExactly("1/5", "2/5", "3/5", "4/5", "5/5");

        calls.clear();
        BufferedImage grey = solid(new Color(128, 128, 128), 40, 40);        // resized to 16×24 first
        GenerationRequest img2img = new GenerationRequest("apples", "", 3, 16, 24, 4, 7.5, 1, "euler", 0.75, grey, "tiny");
        StableDiffusion.Output out = StableDiffusion.generate(pipeline, img2img, listener);
        // ⌊4 · 0.75⌋ = 3 of the 4 steps run, starting at step 1
        assertThat(calls).containsExactly("1/3", "2/3", "3/3");
        assertThat(out.details()).containsEntry("denoisingSteps", 3).containsEntry("steps", 4);

        assertThatThrownBy(() -> StableDiffusion.generate(pipeline, new GenerationRequest("a", "", 3, 16, 24, 4, 7.5, 1,
                "euler", 0.2, grey, "tiny"), GenerationListener.NONE))
                .isInstanceOf(GenerationException.class).hasMessageContaining("leaves no denoising step");
    }

    @Test
    void imageToImageStartsFromTheEncodedImageByHand() {
        // DDIM, trailing, 10 steps: t = 999, 899, …, 99; strength 0.1 → ⌊10·0.1⌋ = 1 step, the last one (t = 99)
        BufferedImage red = solid(new Color(230, 20, 20), 16, 24);
        GenerationRequest img2img = new GenerationRequest("apples", "", 3, 16, 24, 10, 1, 1, "ddim", 0.1, red, "tiny");
        float[] latents = StableDiffusion.generate(pipeline, img2img, GenerationListener.NONE).latents();

        // encoder: block means r = 230/127.5 − 1, g = b = 20/127.5 − 1, 4th channel their mean; × 0.18215
        double r = 230 / 127.5 - 1;
        double gb = 20 / 127.5 - 1;
        double[] channel = {r, gb, gb, (r + 2 * gb) / 3};
        // ᾱ_t = Π_{i ≤ t} (1 − β_i), β_i = (√0.00085 + (√0.012 − √0.00085)·i/999)² (scaled_linear)
        double alpha99 = 1;
        for (int i = 0; i <= 99; i++) {
            double beta = Math.sqrt(0.00085) + (Math.sqrt(0.012) - Math.sqrt(0.00085)) * i / 999;
            alpha99 *= 1 - beta * beta;
        }
        double alphaFinal = 1 - 0.00085;                  // t' = 99 − 100 < 0 and set_alpha_to_one false: ᾱ₀
        // "apples" = 40 23 41 + 74·41 → mean id 3138/77; guidance 1: ε = 0.5·x + m + 0.099 (input not scaled)
        double mean = 3138.0 / 77 * 0.025;
        float[] noise = new NumpyRandom(3).randn(24);
        for (int i = 0; i < 24; i++) {
            double init = channel[i / 6] * 0.18215;
            double x = Math.sqrt(alpha99) * init + Math.sqrt(1 - alpha99) * noise[i];
            double eps = 0.5 * x + mean + 0.099;
            double x0 = (x - Math.sqrt(1 - alpha99) * eps) / Math.sqrt(alpha99);
            double expected = Math.sqrt(alphaFinal) * x0 + Math.sqrt(1 - alphaFinal) * eps;
            assertThat((double) latents[i]).as("latent %d", i).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void cancellationStopsBetweenSteps() {
        List<String> calls = new ArrayList<>();
        assertThatThrownBy(() -> StableDiffusion.generate(pipeline, request("euler", 6, 7.5, 1, 1), listener(calls, 2)))
                .isInstanceOf(CancellationException.class).hasMessageContaining("after 2 of 6 steps");
        assertThat(calls).hasSize(2);
    }

    @Test
    void integerIdsAndTimestepsAreFedInTheModelsTypes() throws Exception {
        Path folder = TinyDiffusersModels.write(dir.resolve("int-types"), new TinyDiffusersModels.Options(
                6 /* int32 */, OnnxModelBuilder.INT64, false, "DDIMScheduler", false, OnnxModelBuilder.FLOAT));
        try (DiffusersPipeline ints = DiffusersPipeline.load(new DiffusersFolder(folder), 1)) {
            float[] viaInts = StableDiffusion.generate(ints, request("euler", 2, 7.5, 1, 9), GenerationListener.NONE).latents();
            float[] viaFloats = StableDiffusion.generate(pipeline, request("euler", 2, 7.5, 1, 9), GenerationListener.NONE).latents();
            // trailing Euler timesteps 999 and 499 are whole, so an int64 timestep changes nothing
            assertThat(viaInts).containsExactly(viaFloats);
            assertThat(Schedulers.resolve("auto", ints.schedulerConfig())).isEqualTo("ddim");
            assertThatThrownBy(() -> StableDiffusion.generate(ints, new GenerationRequest("a", "", 1, 16, 16, 4, 7.5, 1,
                    "euler", 0.5, solid(Color.RED, 16, 16), "x"), GenerationListener.NONE))
                    .hasMessageContaining("img2img needs vae_encoder/model.onnx");
        }
    }

    @Test
    void lcmGuidanceEmbeddingReplacesClassifierFreeGuidance() throws Exception {
        Path folder = TinyDiffusersModels.write(dir.resolve("lcm"), new TinyDiffusersModels.Options(
                OnnxModelBuilder.INT64, OnnxModelBuilder.FLOAT, false, "LCMScheduler", true, OnnxModelBuilder.FLOAT));
        try (DiffusersPipeline lcm = DiffusersPipeline.load(new DiffusersFolder(folder), 1)) {
            // one LCM step at t = 999 (trailing config, but LCM takes its own timesteps: k = 1000/50 = 20 → 999).
            // guidance 1.5 → w = 0.5, v = w·1000 = 500, embedding (dim 4, half 2, ln 10⁴/(2−1)) =
            // [sin 500, sin 0.05, cos 500, cos 0.05]; the tiny UNet adds its mean. No negative branch:
            // m = 0.5·x + mean(prompt) + 0.999 + mean(embedding)
            StableDiffusion.Output out = StableDiffusion.generate(lcm, request("auto", 1, 1.5, 1, 4),
                    GenerationListener.NONE);
            assertThat(out.details()).containsEntry("scheduler", "lcm").containsEntry("guidanceApplied", false)
                    .containsEntry("guidanceEmbedding", true);
            double embeddingMean = (Math.sin(500) + Math.sin(0.05) + Math.cos(500) + Math.cos(0.05)) / 4;
            double promptMean = 2985.0 / 77 * 0.025;
            // LCM, last step: x' = c_out·x₀ + c_skip·x with x₀ = (x − √(1−ᾱ)·m)/√ᾱ, scaled t = 9990
            double alpha = 1;
            for (int i = 0; i <= 999; i++) {
                double beta = Math.sqrt(0.00085) + (Math.sqrt(0.012) - Math.sqrt(0.00085)) * i / 999;
                alpha *= 1 - beta * beta;
            }
            double cSkip = 0.25 / (9990.0 * 9990.0 + 0.25);
            double cOut = 9990.0 / Math.sqrt(9990.0 * 9990.0 + 0.25);
            float[] noise = new NumpyRandom(4).randn(24);
            for (int i = 0; i < 24; i++) {
                double x = noise[i];                                   // init σ 1
                double m = 0.5 * x + promptMean + 0.999 + embeddingMean;
                double x0 = (x - Math.sqrt(1 - alpha) * m) / Math.sqrt(alpha);
                assertThat((double) out.latents()[i]).isCloseTo(cOut * x0 + cSkip * x, within(1e-2));
            }
        }
    }

    @Test
    void halfPrecisionModelsGiveTheFloatResultsRounded() throws Exception {
        Path folder = TinyDiffusersModels.write(dir.resolve("fp16"), new TinyDiffusersModels.Options(
                OnnxModelBuilder.INT64, OnnxModelBuilder.FLOAT16, true, "EulerDiscreteScheduler", false,
                OnnxModelBuilder.FLOAT16));
        try (DiffusersPipeline half = DiffusersPipeline.load(new DiffusersFolder(folder), 1)) {
            GenerationRequest request = request("euler", 3, 7.5, 1, 21);
            float[] viaHalf = StableDiffusion.generate(half, request, GenerationListener.NONE).latents();
            float[] viaFloat = StableDiffusion.generate(pipeline, request, GenerationListener.NONE).latents();
            for (int i = 0; i < viaHalf.length; i++) {
                // float16 keeps 11 significant bits: a relative error of about 5e-4 per rounding, a few roundings
                assertThat(viaHalf[i]).isCloseTo(viaFloat[i], within(Math.abs(viaFloat[i]) * 0.01f + 0.05f));
            }
            BufferedImage grey = solid(new Color(128, 128, 128), 16, 24);
            assertThat(StableDiffusion.generate(half, new GenerationRequest("a", "", 1, 16, 24, 4, 7.5, 1, "euler", 0.5,
                    grey, "x"), GenerationListener.NONE).images()).hasSize(1);
        }
    }

    @Test
    void brokenFoldersAreNamed() throws Exception {
        Path folder = TinyDiffusersModels.write(dir.resolve("broken"));
        Files.delete(folder.resolve(DiffusersFolder.UNET));
        assertThatThrownBy(() -> DiffusersPipeline.load(new DiffusersFolder(folder), 1))
                .isInstanceOf(GenerationException.class).hasMessageContaining("missing unet/model.onnx");
        Files.writeString(folder.resolve(DiffusersFolder.UNET), "not onnx");
        assertThatThrownBy(() -> DiffusersPipeline.load(new DiffusersFolder(folder), 1))
                .hasMessageContaining("unet model").hasMessageContaining("is not a valid ONNX model");
        Files.write(folder.resolve(DiffusersFolder.UNET), TinyDiffusersModels.vaeDecoder());
        assertThatThrownBy(() -> DiffusersPipeline.load(new DiffusersFolder(folder), 1))
                .hasMessageContaining("has the input 'latent_sample', which flowpack does not feed");
        assertThatThrownBy(() -> DiffusersPipeline.load(new DiffusersFolder(dir.resolve("nowhere")), 1))
                .hasMessageContaining("does not exist");
        assertThat(SchedulerConfig.STABLE_DIFFUSION.numTrainTimesteps()).isEqualTo(1000);
    }

    private static GenerationListener listener(List<String> calls, int cancelAfter) {
        return new GenerationListener() {
            @Override
            public void step(int done, int total) {
                calls.add(done + "/" + total);
            }

            @Override
            public boolean cancelled() {
                return calls.size() >= cancelAfter;
            }
        };
    }

    static BufferedImage solid(Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
