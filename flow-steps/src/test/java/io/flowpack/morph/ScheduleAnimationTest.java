package io.flowpack.morph;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.schedule.PromptSchedule;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Method {@code comfy} of the morph step through its {@link AnimationBackend} contract: the schedule (with the
 * seed's {@code general:} header) reaches the backend checked and sized to multiples of 8, its frames are fitted and
 * encoded in order, and every way it can go wrong is a precise error. The backend here paints each frame grey by the
 * schedule's weight for that frame; connector-comfy tests the real ComfyUI backend on the graph runner.
 */
class ScheduleAnimationTest {
    static final String SCHEDULE = """
            general:  cartoon of a wooden table,
            "0": "apples on table,",   "12": "oranges on table,"
            """;

    @TempDir
    Path dir;
    private FileBlobStore blobs;
    private StepEngine engine;
    private final List<AnimationRequest> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        engine = new StepEngine(blobs);
    }

    @Test
    void framesFollowTheScheduleAndAreFittedToTheVideoSize() throws Exception {
        Document doc = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        List<Double> progress = new ArrayList<>();

        engine.run(doc, step(new WeightPainter(0)), params(Map.of()),
                RunOptions.DEFAULT.withProgress((step, fraction, message) -> progress.add(fraction)));

        AnimationRequest request = requests.get(0);
        assertThat(request.width()).isEqualTo(64);
        assertThat(request.height()).isEqualTo(40);
        assertThat(request.frames()).isEqualTo(24);
        assertThat(request.schedule().preText()).isEqualTo("cartoon of a wooden table,");
        assertThat(request.seed()).isEqualTo(7);
        assertThat(request.motionModel()).isEqualTo("mm-tiny");
        Part video = doc.baseParts().get(0);
        assertThat(video.name()).isEqualTo("fruit.gif");
        assertThat(video.metadata()).containsEntry("frames", 24).containsEntry("width", 60)
                .containsEntry("height", 36);
        List<BufferedImage> frames = gifFrames(video);
        assertThat(frames).hasSize(24);
        PromptSchedule schedule = PromptSchedule.parse(request.schedule());
        for (int f = 0; f < frames.size(); f++) {
            assertThat(frames.get(f).getWidth()).isEqualTo(60);
            int grey = frames.get(f).getRGB(30, 18) & 0xFF;
            assertThat((double) grey).as("frame %d", f).isCloseTo(255 * schedule.weight(f),
                    org.assertj.core.data.Offset.offset(4.0));
        }
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(doc.audit().get(0).details()).containsEntry("backend", "comfy").containsEntry("promptIds",
                List.of("p-1"));
    }

    @Test
    void keyframeImagesAreRefused() throws Exception {
        Document doc = Document.of("k", imagePart());
        assertThatThrownBy(() -> engine.run(doc, step(new WeightPainter(0)), params(Map.of()), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("takes no keyframe images (got 1)");
        assertThat(requests).isEmpty();
    }

    @Test
    void withoutABackendTheMethodSaysItIsNotConfigured() throws Exception {
        Document doc = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        MorphStep step = new MorphStep(ModelRegistry.of(getClass().getClassLoader(), dir, false),
                new ModelSessions(1), List.of());
        assertThatThrownBy(() -> engine.run(doc, step, params(Map.of()), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("method comfy is not available here");
    }

    @Test
    void aBadScheduleIsRefusedBeforeTheServerIsAsked() throws Exception {
        Document doc = Document.of("fruit.txt", textPart("fruit.txt", "\"0\": \"apples\",\n\"x+\": \"pears\""));
        assertThatThrownBy(() -> engine.run(doc, step(new WeightPainter(0)), params(Map.of()), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("line 2");
        assertThat(requests).isEmpty();
    }

    @Test
    void tooFewFramesFromTheServerFail() throws Exception {
        Document doc = Document.of("fruit.txt", textPart("fruit.txt", SCHEDULE));
        assertThatThrownBy(() -> engine.run(doc, step(new WeightPainter(5)), params(Map.of()), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("made 19 frames, 24 were asked for");
    }

    // --- helpers

    private MorphStep step(AnimationBackend backend) {
        return new MorphStep(ModelRegistry.of(getClass().getClassLoader(), dir, false), new ModelSessions(1),
                List.of(), List.of(backend));
    }

    private static Map<String, Object> params(Map<String, Object> more) {
        Map<String, Object> params = new HashMap<>(Map.of("method", "comfy", "frames", 24, "width", 60,
                "height", 36, "format", "gif", "seed", 7, "steps", 3, "motionModel", "mm-tiny"));
        params.putAll(more);
        return params;
    }

    /** Paints frame f grey by the schedule's weight of f, at the requested size; leaves out the last frames. */
    private final class WeightPainter implements AnimationBackend {
        private final int missing;

        WeightPainter(int missing) {
            this.missing = missing;
        }

        @Override
        public String name() {
            return "comfy";
        }

        @Override
        public Map<String, Object> animate(AnimationRequest request, AnimationListener listener) {
            requests.add(request);
            PromptSchedule schedule = PromptSchedule.parse(request.schedule());
            for (int step = 1; step <= request.steps(); step++) {
                listener.step(step, request.steps());
            }
            for (int f = 0; f < request.frames() - missing; f++) {
                int grey = (int) Math.round(255 * schedule.weight(f));
                BufferedImage frame = new BufferedImage(request.width(), request.height(),
                        BufferedImage.TYPE_INT_RGB);
                int rgb = grey << 16 | grey << 8 | grey;
                for (int y = 0; y < frame.getHeight(); y++) {
                    for (int x = 0; x < frame.getWidth(); x++) {
                        frame.setRGB(x, y, rgb);
                    }
                }
                listener.frame(f, frame);
            }
            return Map.of("promptIds", List.of("p-1"));
        }
    }

    private Part textPart(String name, String text) throws Exception {
        BlobRef ref = blobs.put(text.getBytes(StandardCharsets.UTF_8));
        return Part.base("text/plain", name, ref, Map.of());
    }

    private Part imagePart() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Part.base("image/png", "k.png", blobs.put(out.toByteArray()), Map.of());
    }

    private List<BufferedImage> gifFrames(Part video) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (InputStream in = blobs.open(video.blob()); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(stream);
            int count = reader.getNumImages(true);
            for (int i = 0; i < count; i++) {
                frames.add(reader.read(i));
            }
            reader.dispose();
        }
        return frames;
    }
}
