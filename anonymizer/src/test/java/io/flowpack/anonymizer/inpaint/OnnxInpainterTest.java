package io.flowpack.anonymizer.inpaint;

import io.flowpack.imaging.Pixels;
import io.flowpack.model.ModelSessions;
import io.flowpack.onnx.OnnxModelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ONNX inpainter on a tiny generated model: out = image · (1 − mask) + colour · mask, fixed 64×64. */
class OnnxInpainterTest {
    private static final int FILL_COLOUR = 0x4080BF;
    private static ModelSessions sessions;

    @TempDir
    static Path dir;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions(1);
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @Test
    void fillsOnlyTheHoleWithTheModelsOutputAndBlendsTheSeam() throws IOException {
        OnnxInpainter inpainter = OnnxInpainter.fromPath(constantFillModel(dir), sessions);
        BufferedImage photo = TestImages.sample("chelsea.jpg");
        int w = photo.getWidth();
        int h = photo.getHeight();
        float[] mask = TestImages.rectangle(w, h, 100, 60, 160, 140, true);
        int[] before = Pixels.argb(photo).clone();

        int[] after = Pixels.argb(inpainter.inpaint(photo, mask, InpaintProgress.NONE));

        assertThat(TestImages.changedOutside(before, after, mask)).isZero();
        assertThat(after[130 + 100 * w] & 0xffffff).isEqualTo(FILL_COLOUR);
        int seam = 98 + 100 * w; // mask 0.3: 60 % fill, 40 % original
        int expectedGreen = Math.round(0.4f * ((before[seam] >> 8) & 0xff) + 0.6f * 0x80);
        assertThat((after[seam] >> 8) & 0xff).isBetween(expectedGreen - 2, expectedGreen + 2);
        assertThat(inpainter.parameters()).containsEntry("size", 64).containsEntry("model", "constant-fill");
        assertThat(inpainter.name()).isEqualTo("onnx");
    }

    /** Writes the model and its manifest (roles image, mask → image) into the folder; returns the manifest. */
    private static Path constantFillModel(Path folder) throws IOException {
        byte[] onnx = new OnnxModelBuilder("constant-fill", 17)
                .input("image", OnnxModelBuilder.FLOAT, 1, 3, 64, 64)
                .input("mask", OnnxModelBuilder.FLOAT, 1, 1, 64, 64)
                .output("inpainted", OnnxModelBuilder.FLOAT, 1, 3, 64, 64)
                .initializer("one", new float[]{1f}, 1)
                .initializer("colour", new float[]{0x40 / 255f, 0x80 / 255f, 0xBF / 255f}, 1, 3, 1, 1)
                .node("Sub", List.of("one", "mask"), List.of("keep"))
                .node("Mul", List.of("image", "keep"), List.of("kept"))
                .node("Mul", List.of("mask", "colour"), List.of("fill"))
                .node("Add", List.of("kept", "fill"), List.of("inpainted"))
                .toBytes();
        Path model = Files.write(folder.resolve("constant-fill.onnx"), onnx);
        Files.writeString(folder.resolve("constant-fill.json"), """
                {"name": "constant-fill", "task": "inpainting", "file": "constant-fill.onnx",
                 "inputs": [{"name": "image", "role": "image", "layout": "NCHW"},
                            {"name": "mask", "role": "mask", "layout": "NCHW"}],
                 "outputs": [{"name": "inpainted", "role": "image", "layout": "NCHW"}],
                 "inputRange": [0, 1], "outputRange": [0, 1], "scale": 1, "licence": "MIT"}
                """);
        return model;
    }
}
