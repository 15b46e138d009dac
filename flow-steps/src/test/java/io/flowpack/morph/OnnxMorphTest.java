package io.flowpack.morph;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.TestModels;
import io.flowpack.model.image.FrameInterpolationModel;
import io.flowpack.onnx.OnnxModelBuilder;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The onnx backend on a tiny generated "interpolation" model: {@code out = (1 − t)·a + t·b}, checkable by hand. */
class OnnxMorphTest {
    @TempDir
    Path dir;

    private ModelSessions sessions;
    private Path modelFile;

    @BeforeEach
    void setUp() {
        sessions = new ModelSessions(1);
        modelFile = linearBlend("blend-4", 4).install(dir.resolve("models"));
    }

    @AfterEach
    void tearDown() {
        sessions.close();
    }

    @Test
    void theModelGivesTheHandComputedBlendAtAnyTimeAndOddSize() {
        FrameInterpolationModel model = new FrameInterpolationModel(
                sessions.get(ModelRegistry.fromPath(modelFile)));
        int width = 30;
        int height = 18; // not a multiple of 4: padded for the model, cropped back
        int[] a = new int[width * height];
        int[] b = new int[width * height];
        Arrays.fill(a, 0x204060);
        Arrays.fill(b, 0xa0c0e0);
        a[5] = 0x000000;
        b[5] = 0xffffff;

        int[] quarter = model.interpolate(a, b, width, height, 0.25f);

        // 0x20 + 0.25·(0xa0 − 0x20) = 0x40, 0x40 + 0.25·0x80 = 0x60, 0x60 + 0.25·0x80 = 0x80
        assertThat(quarter[0]).isEqualTo(0x406080);
        assertThat(quarter[width * height - 1]).isEqualTo(0x406080);
        assertThat(quarter[5]).isEqualTo(0x404040); // 0.25·255 = 63.75 → 64
    }

    @Test
    void theStepRunsTheModelForEachInBetweenFrame() throws Exception {
        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        Document doc = Document.of("pair", flat(blobs, "a.png", 0x000000), flat(blobs, "b.png", 0xc8c8c8));
        MorphStep step = new MorphStep(ModelRegistry.of(getClass().getClassLoader(), dir.resolve("models"), true),
                sessions);

        new StepEngine(blobs).run(doc, step, Map.of("method", "onnx", "model", modelFile.toString(), "frames", 5,
                "format", "gif"), RunOptions.DEFAULT);

        Part gif = doc.baseParts().get(0);
        assertThat(doc.audit().get(0).details()).containsEntry("backend", "onnx:blend-4");
        try (InputStream in = blobs.open(gif.blob()); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(stream);
            int[] expected = {0, 50, 100, 150, 200}; // 200 · frame/4
            for (int i = 0; i < 5; i++) {
                assertThat(reader.read(i).getRGB(3, 3) & 0xff).as("frame %d", i).isEqualTo(expected[i]);
            }
        }
    }

    @Test
    void aModelWithoutATimeInputIsRefusedWithItsInputs() throws Exception {
        Path upscaler = TestModels.nearest("not-a-rife", 1, io.flowpack.model.TensorLayout.NCHW)
                .install(dir.resolve("models"));
        assertThatThrownBy(() -> new FrameInterpolationModel(sessions.get(ModelRegistry.fromPath(upscaler))))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("not a frame-interpolation model");

        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs2"));
        Document doc = Document.of("pair", flat(blobs, "a.png", 0), flat(blobs, "b.png", 0xffffff));
        MorphStep step = new MorphStep(ModelRegistry.of(getClass().getClassLoader(), dir.resolve("models"), true),
                sessions);
        assertThatThrownBy(() -> new StepEngine(blobs).run(doc, step, Map.of("method", "onnx", "model",
                upscaler.toString(), "frames", 5), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("not a frame-interpolation model");
    }

    /** {@code out = (1 − t)·frame0 + t·frame1} with a {@code [1,1,1,1]} time input; NCHW, values 0..1. */
    static TestModels.Model linearBlend(String name, int multipleOf) {
        byte[] onnx = new OnnxModelBuilder(name, 17)
                .input("frame0", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .input("frame1", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .input("timestep", OnnxModelBuilder.FLOAT, 1, 1, 1, 1)
                .output("middle", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .initializer("one", new float[]{1f}, 1)
                .node("Sub", List.of("one", "timestep"), List.of("rest"))
                .node("Mul", List.of("frame0", "rest"), List.of("early"))
                .node("Mul", List.of("frame1", "timestep"), List.of("late"))
                .node("Add", List.of("early", "late"), List.of("middle"))
                .toBytes();
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", name);
        manifest.put("task", "frame-interpolation");
        manifest.put("inputs", List.of(image("frame0"), image("frame1"), Map.of("name", "timestep", "role", "time")));
        manifest.put("outputs", List.of(image("middle")));
        manifest.put("multipleOf", multipleOf);
        manifest.put("licence", "MIT");
        manifest.put("source", Map.of("package", "generated by the test"));
        return new TestModels.Model(name, onnx, manifest);
    }

    private static Map<String, Object> image(String name) {
        return Map.of("name", name, "role", "image", "layout", "NCHW");
    }

    private static Part flat(FileBlobStore blobs, String name, int rgb) throws Exception {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        BlobRef ref = blobs.put(bytes.toByteArray());
        return Part.base("image/png", name, ref, Map.of());
    }
}
