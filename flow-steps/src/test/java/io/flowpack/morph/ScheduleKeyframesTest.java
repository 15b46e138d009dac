package io.flowpack.morph;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.generate.GenerateStep;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.step.StepException;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code morph} without images: keyframes generated from the schedule's prompts on the tiny diffusers models. */
class ScheduleKeyframesTest {
    // the tiny text encoder maps a prompt to the mean of its token ids: many short tokens move it far from "apples"
    static final List<String> PROMPTS = List.of("apples", "a ".repeat(30).strip(), "a ".repeat(12).strip());
    static final String SCHEDULE = "\"0\": \"" + PROMPTS.get(0) + "\", \"11\": \"" + PROMPTS.get(1) + "\",\n"
            + "\"23\": \"" + PROMPTS.get(2) + "\"";
    static final int[] KEYFRAME_FRAMES = {0, 11, 23};

    @TempDir
    static Path models;
    static ModelSessions sessions;
    static ModelRegistry registry;
    static MorphStep morph;
    static GenerateStep generate;

    @TempDir
    Path dir;
    private FileBlobStore blobs;
    private StepEngine engine;

    @BeforeAll
    static void models() throws Exception {
        TinyDiffusersModels.write(models.resolve("tiny-sd"));
        sessions = new ModelSessions(1);
        registry = ModelRegistry.of(ScheduleKeyframesTest.class.getClassLoader(), models, false);
        morph = new MorphStep(registry, sessions);
        generate = new GenerateStep(registry, sessions);
    }

    @AfterAll
    static void close() {
        morph.close();
        generate.close();
        sessions.close();
    }

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        engine = new StepEngine(blobs);
    }

    @Test
    void keyframesAreTheGeneratedImagesOfTheSchedulePrompts() throws Exception {
        Document doc = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        List<Double> progress = new ArrayList<>();
        List<String> messages = new ArrayList<>();

        engine.run(doc, morph, generation(Map.of("frames", 24)), RunOptions.DEFAULT.withProgress(
                (step, fraction, message) -> {
                    progress.add(fraction);
                    messages.add(message);
                }));

        Part video = single(doc);
        assertThat(video.name()).isEqualTo("fruit.mp4");
        assertThat(video.metadata()).containsEntry("frames", 24).containsEntry("keyframePrompts", PROMPTS)
                .containsEntry("digitalSourceType", io.flowpack.generate.GenerationRecord.TRAINED_ALGORITHMIC_MEDIA);
        List<BufferedImage> frames = decode(video);
        assertThat(frames).hasSize(24);
        List<BufferedImage> expected = new ArrayList<>();
        for (String prompt : PROMPTS) {
            expected.add(generated(prompt));
        }
        for (int k = 0; k < PROMPTS.size(); k++) {
            assertThat(meanAbsoluteDifference(frames.get(KEYFRAME_FRAMES[k]), expected.get(k)))
                    .as("keyframe %d against generate's image of '%s'", k, PROMPTS.get(k)).isLessThan(6);
        }
        // the prompts give visibly different images, so the comparison above can tell them apart
        assertThat(meanAbsoluteDifference(expected.get(0), expected.get(1))).isGreaterThan(30);
        assertThat(meanAbsoluteDifference(expected.get(1), expected.get(2))).isGreaterThan(30);
        // 3 keyframes × 4 steps are reported before the frames, and progress never goes back
        assertThat(messages).contains("keyframe step 12 of 12");
        assertThat(messages.indexOf("keyframe step 12 of 12")).isLessThan(messages.indexOf("frame 1 of 24"));
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(doc.audit().get(0).details()).containsEntry("keyframes", List.of("\"apples\" @ 0",
                "\"" + PROMPTS.get(1) + "\" @ 11", "\"" + PROMPTS.get(2) + "\" @ 23"));
    }

    @Test
    void theScheduleParameterNeedsNoTextPartAndGifKeyframesAreExact() throws Exception {
        Document doc = Document.of("note.txt", textPart("note.txt", "not a schedule"));
        Map<String, Object> params = generation(Map.of("frames", 24, "schedule", SCHEDULE, "format", "gif"));

        engine.run(doc, morph, params, RunOptions.DEFAULT);

        assertThat(single(doc).metadata()).containsEntry("keyframePrompts", PROMPTS);
        List<BufferedImage> frames = decode(single(doc));
        assertThat(frames).hasSize(24);
        for (int k = 0; k < PROMPTS.size(); k++) {
            // GIF keeps these few-coloured frames losslessly: the keyframes are generate's images pixel for pixel
            assertThat(meanAbsoluteDifference(frames.get(KEYFRAME_FRAMES[k]), generated(PROMPTS.get(k))))
                    .as("keyframe %d", k).isZero();
        }
    }

    @Test
    void theSeedsScheduleWithItsGeneralPromptMakesSevenKeyframesOver210Frames() throws Exception {
        String general = "cartoon of a wooden table, modern room, landscape through window, high details,";
        String seed = "general:  " + general + "\n"
                + "\"0\": \"apples on table,\",   \"30\": \"oranges on table,\",  \"60\": \"bananas on table,\",\n"
                + "\"90\": \"ananas on table,night\",  \"120\": \"raspberry on table,sunset,\",\n"
                + "\"150\": \"plums on table,\",  \"180\": \"strawberries on table,\"\n";
        Document doc = Document.of("fruit.txt", textPart("fruit.txt", seed));

        engine.run(doc, morph, generation(Map.of("frames", 210, "fps", 8, "steps", 1)),
                RunOptions.DEFAULT);

        assertThat(single(doc).metadata()).containsEntry("frames", 210);
        @SuppressWarnings("unchecked")
        List<String> prompts = (List<String>) single(doc).metadata().get("keyframePrompts");
        assertThat(prompts).hasSize(7).allMatch(p -> p.startsWith(general + " "));
        assertThat(prompts.get(0)).endsWith("apples on table,");
        assertThat(prompts.get(6)).endsWith("strawberries on table,");
        assertThat(doc.audit().get(0).details().get("keyframes").toString()).contains("@ 0", "@ 90", "@ 180");
        assertThat(decode(single(doc))).hasSize(210);
    }

    @Test
    void aMissingModelSaysWhatItNeeds() throws Exception {
        Document doc = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        assertThatThrownBy(() -> engine.run(doc, morph, Map.of("frames", 24), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("need keyframeModel");

        Document unknown = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        assertThatThrownBy(() -> engine.run(unknown, morph, Map.of("frames", 24, "keyframeModel", "no-such-model",
                "width", 32, "height", 32, "steps", 1), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("keyframe 1").hasMessageContaining("no-such-model");

        Document empty = Document.of("empty.txt", textPart("empty.txt", " \n"));
        assertThatThrownBy(() -> engine.run(empty, morph, generation(Map.of("frames", 24)), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("is empty");
    }

    @Test
    void badTimelinesAreRefusedBeforeAnyKeyframeIsGenerated() throws Exception {
        List<String> messages = new ArrayList<>();
        RunOptions options = RunOptions.DEFAULT.withProgress((step, fraction, message) -> messages.add(message));
        Document both = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        assertThatThrownBy(() -> engine.run(both, morph, generation(Map.of("frames", 24, "keyframeFrames", "0,11,23")),
                options)).isInstanceOf(StepException.class).hasMessageContaining("not both");
        Document tooShort = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        assertThatThrownBy(() -> engine.run(tooShort, morph, generation(Map.of("frames", 12)), options))
                .isInstanceOf(StepException.class).hasMessageContaining("outside the video's frames");
        assertThat(messages).noneMatch(m -> m.startsWith("keyframe step"));
    }

    // --- helpers

    private static Map<String, Object> generation(Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(Map.of("keyframeModel", "tiny-sd", "seed", 42, "steps", 4,
                "width", 64, "height", 64, "fps", 12));
        params.putAll(more);
        return params;
    }

    /** What the generate step makes of this prompt with the same seed, size and steps. */
    private BufferedImage generated(String prompt) throws Exception {
        Document doc = Document.of("p.txt", textPart("p.txt", prompt));
        engine.run(doc, generate, Map.of("model", "tiny-sd", "seed", 42, "steps", 4, "width", 64, "height", 64),
                RunOptions.DEFAULT);
        try (InputStream in = blobs.open(single(doc).blob())) {
            return ImageIO.read(in);
        }
    }

    private Part textPart(String name, String text) throws IOException {
        BlobRef ref = blobs.put(text.getBytes(StandardCharsets.UTF_8));
        return Part.base("text/plain", name, ref, Map.of());
    }

    private static Part single(Document doc) {
        assertThat(doc.baseParts()).hasSize(1);
        return doc.baseParts().get(0);
    }

    /** Decodes every frame of the video with FFmpeg. */
    private List<BufferedImage> decode(Part video) throws IOException {
        Path file = dir.resolve(video.id() + "-" + video.name());
        try (InputStream in = blobs.open(video.blob())) {
            Files.copy(in, file);
        }
        List<BufferedImage> frames = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            grabber.start();
            for (Frame frame; (frame = grabber.grabImage()) != null; ) {
                BufferedImage image = converter.convert(frame);
                BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.getGraphics().drawImage(image, 0, 0, null);
                frames.add(copy);
            }
            grabber.stop();
        }
        return frames;
    }

    /** Mean absolute difference over the RGB channels, 0…255. */
    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return (double) sum / (3L * a.getWidth() * a.getHeight());
    }
}
