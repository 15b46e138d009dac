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
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.generate.onnx.TinyMotionModels;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.morph.MorphStep;
import io.flowpack.step.StepException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The morph step's {@code comfy} method end to end: the seed's schedule (general prompt + 7 keyframes, 210 frames)
 * bound into the shipped {@code morph.json} (AnimateDiff + BatchPromptSchedule, 16-frame context windows with
 * overlap 4) and run on flowpack's graph runner over real loopback HTTP and WebSocket, on a tiny generated checkpoint
 * and a tiny motion UNet fixed to 16 frames — so the 210 frames can only be sampled window by window.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ComfyMorphMethodTest {
    static final String MODEL = "tiny-sd";
    static final String SEED_SCHEDULE = AnimationBindingsTest.SEED_SCHEDULE;

    @TempDir
    static Path dir;
    static ComfyRunner runner;
    static ComfyClients clients;
    static TemplateFolder templates;
    static ModelSessions sessions;
    static MorphStep morph;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws Exception {
        Path models = dir.resolve("models");
        TinyDiffusersModels.write(models.resolve(MODEL));
        // a motion module mixes the frames of its window: a quarter of the window's mean goes into every frame
        TinyMotionModels.write(models.resolve("animatediff_models").resolve("mm_sd_v15_v2.ckpt")
                .resolve("model.onnx"), 16, 0.5f, 0.25f);
        RunnerSettings settings = RunnerSettings.under(dir.resolve("runner")).withPort(0);
        runner = ComfyRunner.start(settings, BuiltInNodes.create(StepRegistry.discover(),
                ModelRegistry.of(ComfyMorphMethodTest.class.getClassLoader(), models), settings.inputDirectory()));
        clients = new ComfyClients(List.of(ComfyServerSettings.of("local", "http://127.0.0.1:" + runner.port())));
        Path folder = dir.resolve("templates");
        Files.createDirectories(folder);
        Files.copy(ShippedTemplates.DIR.resolve("morph.json"), folder.resolve("morph.json"));
        // the tiny model's scheduler config uses trailing spacing: ComfyUI's "simple" schedule is the same
        Path morphJson = folder.resolve("morph.json");
        Files.writeString(morphJson, Files.readString(morphJson).replace("\"normal\"", "\"simple\""));
        String twice = Files.readString(morphJson).replaceFirst("\\n}\\s*$", ",\n  \"9\": {\"class_type\": "
                + "\"SaveImage\", \"inputs\": {\"filename_prefix\": \"again\", \"images\": [\"7\", 0]}}\n}\n");
        Files.writeString(folder.resolve("morph-saves-twice.json"), twice);
        templates = new TemplateFolder(folder);
        sessions = new ModelSessions(1);
        morph = new MorphStep(ModelRegistry.of(ComfyMorphMethodTest.class.getClassLoader(), models, false),
                sessions, List.of(), List.of(new ComfyAnimationBackend(clients, templates, "local", "morph")));
    }

    @AfterAll
    static void stop() {
        morph.close();
        sessions.close();
        clients.close();
        runner.close();
    }

    @Test
    void theSeedsScheduleBecomesA210FrameMp4SampledInContextWindows() throws Exception {
        FileBlobStore blobs = new FileBlobStore(work.resolve("blobs"));
        Document doc = Document.of("fruit.txt", text(blobs, SEED_SCHEDULE));
        List<String> messages = new ArrayList<>();
        List<Double> progress = new ArrayList<>();

        new StepEngine(blobs).run(doc, morph, params(Map.of()), RunOptions.DEFAULT.withProgress(
                (step, fraction, message) -> {
                    messages.add(message);
                    progress.add(fraction);
                }));

        Part video = doc.baseParts().get(0);
        assertThat(video.name()).isEqualTo("fruit.mp4");
        assertThat(video.metadata()).containsEntry("frames", 210).containsEntry("width", 64)
                .containsEntry("height", 48).containsEntry("seed", 42L);
        Map<String, Object> audit = doc.audit().get(0).details();
        assertThat(audit).containsEntry("backend", "comfy").containsEntry("server", "local")
                .containsEntry("template", "morph").containsEntry("model", MODEL)
                .containsEntry("motionModel", "mm_sd_v15_v2.ckpt");
        assertThat((List<?>) audit.get("promptIds")).hasSize(1);
        assertThat(messages).contains("step 2 of 2", "frame 210 of 210");
        assertThat(progress).isSorted().last().isEqualTo(1.0);

        assertThat(frameCount(blobs, video)).isEqualTo(210);
        // one seed for the whole batch: the same request gives the same video, another seed another one
        assertThat(bytes(blobs, rerun(blobs, Map.of()))).isEqualTo(bytes(blobs, video));
        assertThat(bytes(blobs, rerun(blobs, Map.of("seed", 43)))).isNotEqualTo(bytes(blobs, video));
        // and the schedule reaches the sampler: one prompt for all frames gives another video
        assertThat(bytes(blobs, rerun(blobs, Map.of("schedule", "general: " + ComfyGenerationBackendTest.GENERAL
                + "\n\"0\": \"apples on table,\"")))).isNotEqualTo(bytes(blobs, video));
    }

    private Part rerun(FileBlobStore blobs, Map<String, Object> change) throws Exception {
        Document doc = Document.of("fruit.txt", text(blobs, SEED_SCHEDULE));
        new StepEngine(blobs).run(doc, morph, params(change), RunOptions.DEFAULT);
        return doc.baseParts().get(0);
    }

    private static byte[] bytes(FileBlobStore blobs, Part part) throws Exception {
        try (InputStream in = blobs.open(part.blob())) {
            return in.readAllBytes();
        }
    }

    @Test
    void aTemplateThatSavesMoreImagesThanFramesIsRefused() throws Exception {
        MorphStep twice = new MorphStep(ModelRegistry.of(getClass().getClassLoader(), dir.resolve("models"), false),
                sessions, List.of(), List.of(new ComfyAnimationBackend(clients, templates, "local",
                "morph-saves-twice")));
        FileBlobStore blobs = new FileBlobStore(work.resolve("blobs"));
        Document doc = Document.of("fruit.txt", text(blobs, "\"0\": \"apples\", \"10\": \"pears\""));
        assertThatThrownBy(() -> new StepEngine(blobs).run(doc, twice, params(Map.of("frames", 20)),
                RunOptions.DEFAULT)).isInstanceOf(StepException.class)
                .hasMessageContaining("saved 40 images").hasMessageContaining("20 frames were asked for");
    }

    @Test
    void anUnknownMotionModelIsTheServersValidationError() throws Exception {
        FileBlobStore blobs = new FileBlobStore(work.resolve("blobs"));
        Document doc = Document.of("fruit.txt", text(blobs, "\"0\": \"apples\", \"10\": \"pears\""));
        assertThatThrownBy(() -> new StepEngine(blobs).run(doc, morph, params(Map.of("frames", 20,
                "motionModel", "mm_missing.ckpt")), RunOptions.DEFAULT)).isInstanceOf(StepException.class)
                .hasMessageContaining("comfy animation").hasMessageContaining("mm_missing.ckpt");
    }

    private static Map<String, Object> params(Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(Map.of("method", "comfy", "frames", 210, "fps", 8,
                "width", 64, "height", 48, "seed", 42, "steps", 2, "guidance", 3.0, "keyframeModel", MODEL));
        params.putAll(more);
        return params;
    }

    private static Part text(FileBlobStore blobs, String text) throws Exception {
        return Part.base("text/plain", "fruit.txt", blobs.put(text.getBytes(StandardCharsets.UTF_8)), Map.of());
    }

    /** The frames FFmpeg decodes from the video. */
    private int frameCount(FileBlobStore blobs, Part video) throws Exception {
        Path file = work.resolve(video.name());
        try (InputStream in = blobs.open(video.blob())) {
            Files.copy(in, file);
        }
        int frames = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            while (grabber.grabImage() != null) {
                frames++;
            }
            grabber.stop();
        }
        return frames;
    }
}
