package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationBackend;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.GenerationResult;
import io.flowpack.generate.random.NumpyRandom;
import io.flowpack.generate.scheduler.Schedulers;
import io.flowpack.model.ModelRegistry;
import io.flowpack.schedule.FramePrompt;
import io.flowpack.schedule.PromptSchedule;
import io.flowpack.schedule.ScheduleSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A prompt schedule driving the onnx backend frame by frame, on the tiny models. */
class ScheduledFrameTest {
    static final String GENERAL = "cartoon of a wooden table, modern room, landscape through window, high details,";
    static final String SEED_KEYFRAMES = """
            "0": "apples on table,",   "30": "oranges on table,",  "60": "bananas on table,",
            "90": "ananas on table,night",  "120": "raspberry on table,sunset,",
            "150": "plums on table,",  "180": "strawberries on table,"
            """;

    @TempDir
    static Path models;
    static OnnxGenerationBackend backend;
    static DiffusersPipeline pipeline;

    @BeforeAll
    static void load() throws Exception {
        TinyDiffusersModels.write(models.resolve("tiny-sd"));
        backend = new OnnxGenerationBackend(ModelRegistry.of(ScheduledFrameTest.class.getClassLoader(), models), 1);
        pipeline = new DiffusersModels(ModelRegistry.of(ScheduledFrameTest.class.getClassLoader(), models), 1)
                .pipeline("tiny-sd");
    }

    @AfterAll
    static void close() {
        backend.close();
        pipeline.close();
    }

    private static GenerationRequest request(String prompt, double guidance) {
        return new GenerationRequest(prompt, "", 11, 16, 16, 1, guidance, 1, "euler", 1.0, null, "tiny-sd");
    }

    @Test
    void halfWayFrameBlendsTheEncodingsByHand() {
        // "apples" = 40 23 41 + 74·41 → mean id 3138/77; "apples on table" → 2985/77; mean hidden = mean id · 0.025.
        // weight 0.5 → hidden = 0.5·enc(a) + 0.5·enc(b), so its mean is the mean of both. Guidance 1, one Euler step
        // (t = 999, σ = init σ, s = 1/√(σ²+1)): x' = x − σ·(0.5·s·x + 0.999 + mean)
        FramePrompt frame = new FramePrompt(15, "apples", "apples on table", "", "", 0.5);
        float[] latents = StableDiffusion.generate(pipeline, request("ignored", 1), GenerationListener.NONE,
                Conditioning.of(pipeline, frame)).latents();

        double mean = 0.5 * (3138.0 / 77 * 0.025) + 0.5 * (2985.0 / 77 * 0.025);
        double sigma = Schedulers.create("euler", pipeline.schedulerConfig(), 1).initNoiseSigma();
        double s = 1 / Math.sqrt(sigma * sigma + 1);
        float[] noise = new NumpyRandom(11).randn(16);
        for (int i = 0; i < 16; i++) {
            double x = noise[i] * (float) sigma;
            assertThat((double) latents[i]).isCloseTo(x - sigma * (0.5 * s * x + 0.999 + mean), within(2e-3));
        }
    }

    @Test
    void theSeedScheduleDrivesTheOnnxBackend() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings(SEED_KEYFRAMES, 210, GENERAL));

        // a keyframe (weight 1) is exactly its current prompt generated on its own
        FramePrompt keyframe = schedule.frame(30);
        assertThat(latents(keyframe)).containsExactly(StableDiffusion.generate(pipeline,
                request(keyframe.currentPositive(), 7.5), GenerationListener.NONE).latents());
        // half way to the next keyframe, the result is neither prompt's
        FramePrompt between = schedule.frame(45);
        float[] blended = latents(between);
        assertThat(blended).isNotEqualTo(latents(keyframe))
                .isNotEqualTo(StableDiffusion.generate(pipeline, request(between.nextPositive(), 7.5),
                        GenerationListener.NONE).latents());

        GenerationResult result = backend.generateFrame(request("ignored", 7.5), between, GenerationListener.NONE);
        assertThat(result.images()).hasSize(1);
        assertThat(result.details()).containsEntry("frame", 45).containsEntry("frameWeight", 0.5);
    }

    @Test
    void backendsThatCannotBlendSaySo() {
        GenerationBackend whole = new GenerationBackend() {
            @Override
            public String name() {
                return "comfy";
            }

            @Override
            public GenerationResult generate(GenerationRequest request, GenerationListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        assertThatThrownBy(() -> whole.generateFrame(request("a", 7.5), new FramePrompt(0, "a", "b", "", "", 1),
                GenerationListener.NONE)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("comfy backend cannot blend");
    }

    private static float[] latents(FramePrompt frame) {
        return StableDiffusion.generate(pipeline, request("ignored", 7.5), GenerationListener.NONE,
                Conditioning.of(pipeline, frame)).latents();
    }
}
