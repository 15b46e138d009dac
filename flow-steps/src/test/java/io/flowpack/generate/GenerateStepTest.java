package io.flowpack.generate;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.AuditEntry;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GenerateStepTest {
    @TempDir
    static Path models;
    static ModelSessions sessions;
    static GenerateStep step;

    @TempDir
    Path dir;
    private FileBlobStore blobs;
    private StepEngine engine;

    @BeforeAll
    static void models() throws Exception {
        TinyDiffusersModels.write(models.resolve("tiny-sd"));
        sessions = new ModelSessions(1);
        step = new GenerateStep(ModelRegistry.of(GenerateStepTest.class.getClassLoader(), models, false), sessions);
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        engine = new StepEngine(blobs);
    }

    @Test
    void textToImageWithDisclosureInXmpMetadataAndAudit() throws Exception {
        Document doc = Document.of("still-life.txt", textPart("still-life.txt", "apples on table\n"));

        engine.run(doc, step, Map.of("model", "tiny-sd", "seed", 42, "width", 32, "height", 16, "steps", 3,
                "batch", 2, "negativePrompt", "blurry & dark"), RunOptions.DEFAULT);

        List<Part> results = doc.baseParts();
        assertThat(results).extracting(Part::name).containsExactly("still-life-s42-1.png", "still-life-s42-2.png");
        Part first = results.get(0);
        assertThat(first.mediaType()).isEqualTo("image/png");
        assertThat(first.metadata()).containsEntry("prompt", "apples on table").containsEntry("seed", 42L)
                .containsEntry("steps", 3).containsEntry("width", 32).containsEntry("height", 16)
                .containsEntry("digitalSourceType", GenerationRecord.TRAINED_ALGORITHMIC_MEDIA)
                .containsEntry("scheduler", "euler").containsKey("modelHash");
        String hash = (String) first.metadata().get("modelHash");
        assertThat(hash).hasSize(64).isEqualTo(sha256(models.resolve("tiny-sd/unet/model.onnx")));

        String xmp = xmp(read(first));
        assertThat(xmp).contains("<Iptc4xmpExt:DigitalSourceType>"
                        + "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia</Iptc4xmpExt:DigitalSourceType>")
                .contains("<flowpackgen:Prompt>apples on table</flowpackgen:Prompt>")
                .contains("<flowpackgen:NegativePrompt>blurry &amp; dark</flowpackgen:NegativePrompt>")
                .contains("<flowpackgen:Seed>42</flowpackgen:Seed>")
                .contains("<flowpackgen:Steps>3</flowpackgen:Steps>")
                .contains("<flowpackgen:ModelHash>" + hash + "</flowpackgen:ModelHash>")
                .contains("<flowpackgen:BatchIndex>0</flowpackgen:BatchIndex>");
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(read(first)));
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getHeight()).isEqualTo(16);

        AuditEntry entry = doc.audit().get(0);
        assertThat(entry.outcome()).isEqualTo(AuditEntry.OK);
        assertThat(entry.details()).containsEntry("backend", "onnx")
                .containsEntry("digitalSourceType", GenerationRecord.TRAINED_ALGORITHMIC_MEDIA);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) entry.details().get("images");
        assertThat(images).hasSize(2);
        assertThat(images.get(1)).containsEntry("seed", 42L).containsEntry("batchIndex", 1)
                .containsEntry("modelHash", hash).containsEntry("prompt", "apples on table").containsEntry("steps", 3);
    }

    @Test
    void sameSeedSameBytes() throws Exception {
        byte[] a = generateOnce(7);
        assertThat(generateOnce(7)).isEqualTo(a);
        assertThat(generateOnce(8)).isNotEqualTo(a);
    }

    private byte[] generateOnce(long seed) throws Exception {
        Document doc = Document.of("p.txt", textPart("p.txt", "apples"));
        engine.run(doc, step, Map.of("model", "tiny-sd", "seed", seed, "width", 16, "height", 16, "steps", 2),
                RunOptions.DEFAULT);
        return read(doc.baseParts().get(0));
    }

    @Test
    void imageInputIsImg2ImgWithStrength() throws Exception {
        Document doc = Document.of("room.png", imagePart("room.png", 40, 24));

        engine.run(doc, step, Map.of("model", "tiny-sd", "prompt", "a red room", "width", 40, "height", 24,
                "steps", 4, "strength", 0.5, "scheduler", "ddim"), RunOptions.DEFAULT);

        Part result = doc.baseParts().get(0);
        assertThat(result.name()).isEqualTo("room-s0-1.png");
        assertThat(result.metadata()).containsEntry("strength", 0.5).containsEntry("scheduler", "ddim");
        assertThat(xmp(read(result))).contains("<flowpackgen:Strength>0.5</flowpackgen:Strength>");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) doc.audit().get(0).details().get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0)).containsEntry("denoisingSteps", 2).containsKey("componentSha256");

        Document noPrompt = Document.of("room.png", imagePart("room.png", 40, 24));
        assertThatThrownBy(() -> engine.run(noPrompt, step, Map.of("model", "tiny-sd"), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageContaining("needs the parameter prompt");
    }

    @Test
    void clearErrorsWithoutAModelOrWithABadOne() throws Exception {
        assertThatThrownBy(() -> run(Map.of()))
                .isInstanceOf(StepException.class).hasMessageContaining("no model configured")
                .hasMessageContaining("set the parameter model").hasMessageContaining(models.toString());
        assertThatThrownBy(() -> run(Map.of("model", "sd-missing")))
                .hasMessageContaining("no model folder 'sd-missing'").hasMessageContaining("tiny-sd");
        assertThatThrownBy(() -> run(Map.of("model", dir.toString() + "/elsewhere")))
                .hasMessageContaining("outside the models folder");
        assertThatThrownBy(() -> run(Map.of("model", "tiny-sd", "width", 20)))
                .hasMessageContaining("multiples of 8");
        assertThatThrownBy(() -> run(Map.of("model", "tiny-sd", "backend", "comfy")))
                .hasMessageContaining("backend 'comfy' is not available").hasMessageContaining("ComfyUI");
        assertThatThrownBy(() -> run(Map.of("model", "tiny-sd", "steps", 51, "scheduler", "lcm")))
                .hasMessageContaining("lcm takes 1…50 steps");
        Document blank = Document.of("p.txt", textPart("p.txt", " \n "));
        assertThatThrownBy(() -> engine.run(blank, step, Map.of("model", "tiny-sd"), RunOptions.DEFAULT))
                .hasMessageContaining("prompt text 'p.txt' is empty");
    }

    private void run(Map<String, Object> params) throws Exception {
        Document doc = Document.of("p.txt", textPart("p.txt", "apples"));
        engine.run(doc, step, params, RunOptions.DEFAULT);
    }

    @Test
    void foundByServiceLoader() {
        assertThat(StepRegistry.discover().find("generate")).isPresent();
    }

    private Part textPart(String name, String text) throws IOException {
        BlobRef ref = blobs.write(out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        return Part.base("text/plain", name, ref, Map.of());
    }

    private Part imagePart(String name, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 30, 30));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        BlobRef ref = blobs.write(out -> out.write(bytes.toByteArray()));
        return Part.base("image/png", name, ref, Map.of());
    }

    private byte[] read(Part part) throws IOException {
        try (InputStream in = blobs.open(part.blob())) {
            return in.readAllBytes();
        }
    }

    /** The iTXt XML:com.adobe.xmp text of a PNG. */
    static String xmp(byte[] png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Node root = metadata.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("iTXt")) {
                    for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                        var attributes = e.getAttributes();
                        if (attributes.getNamedItem("keyword").getNodeValue().equals("XML:com.adobe.xmp")) {
                            return attributes.getNamedItem("text").getNodeValue();
                        }
                    }
                }
            }
            return "";
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }
}
