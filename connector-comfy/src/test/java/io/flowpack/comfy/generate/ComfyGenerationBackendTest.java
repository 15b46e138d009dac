package io.flowpack.comfy.generate;

import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.client.ComfyServerSettings;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.comfy.runner.ComfyRunner;
import io.flowpack.comfy.runner.RunnerSettings;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.generate.GenerateStep;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.GenerationResult;
import io.flowpack.generate.onnx.OnnxGenerationBackend;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.model.ModelRegistry;
import io.flowpack.schedule.FramePrompt;
import io.flowpack.schedule.Keyframe;
import io.flowpack.schedule.PromptSchedule;
import io.flowpack.schedule.ScheduleSettings;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The comfy generation backend end to end: the shipped templates on flowpack's graph runner (real loopback HTTP and
 * WebSocket) with its ComfyUI-compatible generation nodes on a tiny generated diffusers ONNX folder.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ComfyGenerationBackendTest {
    static final String MODEL = "tiny-sd";
    static final String GENERAL = "cartoon of a wooden table, modern room, landscape through window, high details,";
    static final String SEED_KEYFRAMES = """
            "0": "apples on table,",   "30": "oranges on table,",  "60": "bananas on table,",
            "90": "ananas on table,night",  "120": "raspberry on table,sunset,",
            "150": "plums on table,",  "180": "strawberries on table,"
            """;
    /** A prompt whose tiny-model image is not clipped to black or white at guidance 3. */
    static final String APPLES = GENERAL + " apples on table,";

    @TempDir
    static Path dir;
    static ComfyRunner runner;
    static ComfyClients clients;
    static TemplateFolder templates;
    static ComfyGenerationBackend backend;
    static ModelRegistry models;

    @BeforeAll
    static void start() throws Exception {
        TinyDiffusersModels.write(dir.resolve("models").resolve(MODEL));
        models = ModelRegistry.of(ComfyGenerationBackendTest.class.getClassLoader(), dir.resolve("models"));
        RunnerSettings settings = RunnerSettings.under(dir.resolve("runner")).withPort(0);
        runner = ComfyRunner.start(settings, BuiltInNodes.create(StepRegistry.discover(), models,
                settings.inputDirectory()));
        clients = new ComfyClients(List.of(ComfyServerSettings.of("local", "http://127.0.0.1:" + runner.port())));
        templates = ShippedTemplates.copyTo(dir.resolve("templates"));
        // the tiny model's scheduler config uses trailing spacing: ComfyUI's "simple" schedule is the same
        Path txt2img = templates.dir().resolve("txt2img.json");
        Files.writeString(txt2img, Files.readString(txt2img).replace("\"normal\"", "\"simple\""));
        backend = new ComfyGenerationBackend(clients, templates, ComfyGenerationSettings.of("local"));
    }

    @AfterAll
    static void stop() {
        clients.close();
        runner.close();
    }

    /** Guidance 3 keeps the tiny model's pixels off the clipping limits for the seed's prompts. */
    static GenerationRequest request(String prompt, long seed) {
        return new GenerationRequest(prompt, "", seed, 32, 24, 4, 3.0, 1, "euler", 1.0, null, MODEL);
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void sameSeedSameImageOtherSeedOtherImageWithSamplerProgress() {
        List<int[]> steps = new CopyOnWriteArrayList<>();
        GenerationListener listener = new GenerationListener() {
            @Override
            public void step(int done, int total) {
                steps.add(new int[] {done, total});
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        GenerationResult first = backend.generate(request(APPLES, 42), listener);
        assertThat(first.images()).singleElement().satisfies(image -> {
            assertThat(image.getWidth()).isEqualTo(32);
            assertThat(image.getHeight()).isEqualTo(24);
        });
        assertThat(first.model()).isEqualTo(MODEL);
        assertThat(first.details()).containsEntry("server", "local").containsEntry("template", "txt2img")
                .containsEntry("scheduler", "euler");
        assertThat(steps).extracting(s -> s[0] + "/" + s[1]).containsExactly("1/4", "2/4", "3/4", "4/4");

        GenerationResult again = backend.generate(request(APPLES, 42), GenerationListener.NONE);
        assertThat(pixels(again.images().get(0))).isEqualTo(pixels(first.images().get(0)));
        assertThat(again.details().get("promptIds")).isNotEqualTo(first.details().get("promptIds"));
        GenerationResult otherSeed = backend.generate(request(APPLES, 43), GenerationListener.NONE);
        assertThat(pixels(otherSeed.images().get(0))).isNotEqualTo(pixels(first.images().get(0)));
    }

    @Test
    void batchGivesThatManyImages() {
        GenerationRequest request = new GenerationRequest("plums", "blurry", 5, 16, 16, 2, 3.0, 3, "auto", 1.0, null,
                MODEL);
        GenerationResult result = backend.generate(request, GenerationListener.NONE);
        assertThat(result.images()).hasSize(3);
        assertThat(result.images()).allSatisfy(image -> assertThat(image.getWidth() * image.getHeight()).isEqualTo(256));
        assertThat(result.details()).containsEntry("scheduler", "euler"); // auto keeps the template's sampler
    }

    @Test
    void imageInputRunsTheRefineTemplateWithDenoiseFromStrength() {
        BufferedImage start = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 48; x++) {
                start.setRGB(x, y, (x * 5) << 16 | (y * 6) << 8 | 0x40);
            }
        }
        GenerationResult kept = backend.generate(new GenerationRequest("sharper", "", 9, 32, 32, 4, 7.5, 1, "euler",
                0.0, start, MODEL), GenerationListener.NONE);
        GenerationResult changed = backend.generate(new GenerationRequest("sharper", "", 9, 32, 32, 4, 7.5, 1, "euler",
                0.6, start, MODEL), GenerationListener.NONE);
        assertThat(kept.details()).containsEntry("template", "refine");
        assertThat(kept.images().get(0).getWidth()).isEqualTo(32);
        assertThat(kept.images().get(0).getHeight()).isEqualTo(32);
        assertThat(pixels(changed.images().get(0))).isNotEqualTo(pixels(kept.images().get(0)));
    }

    @Test
    void upscaleTemplateRunsOnEveryImage() {
        ComfyGenerationBackend upscaling = new ComfyGenerationBackend(clients, templates,
                ComfyGenerationSettings.of("local").withUpscale("upscale"));
        GenerationResult result = upscaling.generate(new GenerationRequest("apples", "", 1, 16, 16, 2, 7.5, 2,
                "euler", 1.0, null, MODEL), GenerationListener.NONE);
        assertThat(result.images()).hasSize(2).allSatisfy(image -> {
            assertThat(image.getWidth()).isEqualTo(32);   // upscale.json: esrgan-slim-x2
            assertThat(image.getHeight()).isEqualTo(32);
        });
        assertThat(result.details()).containsEntry("upscaleTemplate", "upscale");
        assertThat((List<?>) result.details().get("promptIds")).hasSize(3);
    }

    @Test
    void theSeedsScheduleDrivesOneImagePerKeyframeAndBlendsTheFramesBetween() {
        PromptSchedule schedule = PromptSchedule.parse(new ScheduleSettings(SEED_KEYFRAMES, 210, GENERAL));
        List<Integer> keyframes = schedule.keyframes().stream().map(Keyframe::frame)
                .filter(f -> f < schedule.frameCount()).distinct().toList();
        assertThat(keyframes).containsExactly(0, 30, 60, 90, 120, 150, 180);

        GenerationRequest request = request("", 1234);
        List<BufferedImage> images = new ArrayList<>();
        try (OnnxGenerationBackend onnx = new OnnxGenerationBackend(models, 1)) {
            for (int frame : keyframes) {
                GenerationResult result = backend.generateFrame(request, schedule.frame(frame), GenerationListener.NONE);
                assertThat(result.details()).containsEntry("frame", frame).containsEntry("weight", 1.0);
                images.add(result.images().get(0));
                // the same frame on the onnx backend: the runner's nodes run the same pipeline
                BufferedImage direct = onnx.generateFrame(request, schedule.frame(frame), GenerationListener.NONE)
                        .images().get(0);
                assertThat(pixels(result.images().get(0))).as("keyframe %d", frame).isEqualTo(pixels(direct));
            }
            assertThat(images).hasSize(7);
            assertThat(pixels(images.get(1))).as("apples and oranges differ").isNotEqualTo(pixels(images.get(0)));
            // a keyframe is exactly its prompt alone, with the same seed
            GenerationResult apples = backend.generate(request(schedule.frame(0).currentPositive(), 1234),
                    GenerationListener.NONE);
            assertThat(pixels(apples.images().get(0))).isEqualTo(pixels(images.get(0)));

            // frame 15: half apples, half oranges through ConditioningAverage, as the onnx backend blends it
            FramePrompt between = schedule.frame(15);
            assertThat(between.weight()).isEqualTo(0.5);
            GenerationResult blended = backend.generateFrame(request, between, GenerationListener.NONE);
            assertThat((List<?>) blended.details().get("promptIds")).hasSize(1);
            assertThat(pixels(blended.images().get(0))).isNotEqualTo(pixels(images.get(0)))
                    .isNotEqualTo(pixels(images.get(1)));
            BufferedImage direct = onnx.generateFrame(request, between, GenerationListener.NONE).images().get(0);
            assertThat(maxChannelDifference(blended.images().get(0), direct)).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void generateStepWithBackendComfyWritesDisclosedImages() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        StepEngine engine = new StepEngine(blobs);
        GenerateStep step = new GenerateStep(List.of(backend));
        Part prompt = Part.base("text/plain", "still-life.txt",
                blobs.write(out -> out.write(APPLES.getBytes(StandardCharsets.UTF_8))), Map.of());
        Document doc = Document.of("still-life.txt", prompt);
        engine.run(doc, step, Map.of("backend", "comfy", "model", MODEL, "seed", 42, "width", 32, "height", 24,
                "steps", 4, "guidance", 3.0, "scheduler", "euler"), RunOptions.DEFAULT);
        Part image = doc.baseParts().get(0);
        assertThat(image.name()).isEqualTo("still-life-s42-1.png");
        assertThat(image.metadata()).containsEntry("backend", "comfy").containsEntry("model", MODEL)
                .containsEntry("prompt", APPLES).containsEntry("seed", 42L);
        BufferedImage written;
        try (InputStream in = blobs.open(image.blob())) {
            written = ImageIO.read(in);
        }
        BufferedImage direct = backend.generate(request(APPLES, 42), GenerationListener.NONE).images().get(0);
        assertThat(pixels(written)).isEqualTo(pixels(direct));

        Document noModel = Document.of("p.txt", Part.base("text/plain", "p.txt",
                blobs.write(out -> out.write("x".getBytes(StandardCharsets.UTF_8))), Map.of()));
        assertThatThrownBy(() -> engine.run(noModel, step, Map.of("backend", "comfy", "model", "missing-model",
                "width", 16, "height", 16), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("comfy backend (server 'local')")
                .hasMessageContaining("ckpt_name").hasMessageContaining("missing-model");
    }

    @Test
    void cancellingWhileTheSamplerRunsInterruptsThePrompt() {
        java.util.concurrent.atomic.AtomicInteger stepsSeen = new java.util.concurrent.atomic.AtomicInteger();
        GenerationListener cancelAfterTheFirstStep = new GenerationListener() {
            @Override
            public void step(int done, int total) {
                stepsSeen.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return stepsSeen.get() > 0;
            }
        };
        GenerationRequest slow = new GenerationRequest(APPLES, "", 1, 512, 512, 1000, 3.0, 1, "euler", 1.0, null,
                MODEL);
        assertThatThrownBy(() -> backend.generate(slow, cancelAfterTheFirstStep))
                .isInstanceOf(CancellationException.class);
        assertThat(stepsSeen.get()).as("stopped long before the last step").isLessThan(900);
    }

    @Test
    void cancelledBeforeQueueingAndUnknownServerAreReported() {
        GenerationListener cancelled = new GenerationListener() {
            @Override
            public void step(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> backend.generate(request("a", 1), cancelled)).isInstanceOf(CancellationException.class);
        ComfyGenerationBackend nowhere = new ComfyGenerationBackend(clients, templates, ComfyGenerationSettings.of("studio"));
        assertThatThrownBy(() -> nowhere.generate(request("a", 1), GenerationListener.NONE))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("unknown ComfyUI server 'studio'; configured: local");
    }

    static int maxChannelDifference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int[] pa = pixels(a);
        int[] pb = pixels(b);
        int max = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift < 24; shift += 8) {
                max = Math.max(max, Math.abs((pa[i] >> shift & 0xFF) - (pb[i] >> shift & 0xFF)));
            }
        }
        return max;
    }
}
