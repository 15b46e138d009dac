package io.flowpack.anonymizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.anonymizer.detect.NanoDetPersonDetector;
import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.detect.SamplePhotos;
import io.flowpack.document.Document;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The anonymize step end to end on real photos: detect, mask, inpaint, scrub, disclose, audit, review image. */
class AnonymizeStepTest {
    @TempDir
    Path dir;
    private FileBlobStore blobs;
    private StepEngine engine;
    private DocumentIngest ingest;
    private final AnonymizeStep step = new AnonymizeStep();

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        engine = new StepEngine(blobs);
        ingest = new DocumentIngest(blobs, 50_000_000);
    }

    private Document sample(String name) throws Exception {
        Path file = SamplePhotos.SAMPLES.resolve(name);
        return ingest.fromFile(file, file.getFileName().toString());
    }

    private Path file(Part part) {
        return blobs.localPath(part.blob()).orElseThrow();
    }

    private Part named(Document doc, String suffix) {
        return doc.deliverables().stream().filter(p -> p.name().endsWith(suffix)).findFirst().orElseThrow();
    }

    @Test
    void aPersonPastedIntoARoomIsRemovedAndTheChangeDisclosed() throws Exception {
        BufferedImage composite = SamplePhotos.composite("rocket.jpg", 640, 426, "portraits/astronaut.jpg", 380, 120, 260);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageEncoder.encode(composite, ImageFormat.JPEG, 0.95f, jpeg);
        Document doc = ingest.fromStream(new java.io.ByteArrayInputStream(jpeg.toByteArray()), "room.jpg");

        engine.run(doc, step, Map.of(), RunOptions.DEFAULT);

        Part result = named(doc, "room-anonymized.jpg");
        BufferedImage output = ImageDecoder.decodeFirst(file(result), ImageLimits.DEFAULT);
        assertThat(output.getWidth()).isEqualTo(640);
        // the person scored 0.74 before; the filled silhouette may still draw a weak box, but no confident one
        List<PersonBox> again = new NanoDetPersonDetector(io.flowpack.model.ModelRegistry.standard(),
                io.flowpack.model.ModelSessions.shared(),
                io.flowpack.anonymizer.detect.DetectionSettings.defaults().withScoreThreshold(0.5)).detect(output);
        assertThat(again).as("residual people").isEmpty();
        JsonNode audit = new ObjectMapper().readTree(Files.readAllBytes(file(named(doc, "room.anonymize.json"))));
        assertThat(audit.path("detections")).hasSize(1);
        assertThat(audit.path("detections").get(0).path("model").asText()).isEqualTo("nanodet");
        assertThat(audit.path("maskAreaPercent").asDouble()).isBetween(3.0, 40.0);
        assertThat(audit.path("inpainter").path("name").asText()).isEqualTo("patchmatch");
        assertThat(audit.path("digitalSourceType").asText()).endsWith("compositeSynthetic");
        String xmp = new String(Files.readAllBytes(file(result)), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(xmp).contains("DigitalSourceType").contains("compositeSynthetic");
        BufferedImage review = ImageIO.read(file(named(doc, "room-review.jpg")).toFile());
        assertThat(review.getWidth()).isEqualTo(640);
        assertThat(doc.audit().get(0).details()).containsEntry("people", 1).containsEntry("method", "patchmatch");
    }

    @Test
    void aYoloModelInTheModelsFolderDetectsForEveryPictureOfTheStep() throws Exception {
        Path models = dir.resolve("models");
        Path yolo = io.flowpack.anonymizer.detect.TinyYoloModels.write(models.resolve("yolo.onnx"),
                io.flowpack.anonymizer.detect.TinyYoloModels.onePerson());
        try (AnonymizeStep withYolo = new AnonymizeStep(io.flowpack.model.ModelRegistry.of(
                getClass().getClassLoader(), models, false), io.flowpack.model.ModelSessions.shared())) {
            for (String name : List.of("coffee.jpg", "chelsea.jpg")) {
                Document doc = sample(name);
                engine.run(doc, withYolo, Map.of("detectorModel", yolo.toString()), RunOptions.DEFAULT);
                String base = name.substring(0, name.lastIndexOf('.'));
                JsonNode audit = new ObjectMapper().readTree(Files.readAllBytes(file(named(doc,
                        base + ".anonymize.json"))));
                assertThat(audit.path("detections")).as(name).hasSize(1);
                assertThat(audit.path("detections").get(0).path("model").asText()).isEqualTo("yolo.onnx");
                assertThat(audit.path("detections").get(0).path("modelSha256").asText()).hasSize(64);
            }
            Document outside = sample("coffee.jpg");
            assertThatThrownBy(() -> engine.run(outside, withYolo, Map.of("detectorModel",
                    dir.resolve("elsewhere.onnx").toString()), RunOptions.DEFAULT))
                    .hasMessageContaining("outside the models folder");
        }
    }

    @Test
    void aPictureWithoutPeopleKeepsItsPixelsByteForByte() throws Exception {
        Document doc = sample("coffee.jpg");
        engine.run(doc, step, Map.of(), RunOptions.DEFAULT);

        Part result = named(doc, "coffee-anonymized.jpg");
        BufferedImage before = ImageDecoder.decodeFirst(SamplePhotos.SAMPLES.resolve("coffee.jpg"), ImageLimits.DEFAULT);
        BufferedImage after = ImageDecoder.decodeFirst(file(result), ImageLimits.DEFAULT);
        assertThat(after.getRGB(0, 0, after.getWidth(), after.getHeight(), null, 0, after.getWidth()))
                .isEqualTo(before.getRGB(0, 0, before.getWidth(), before.getHeight(), null, 0, before.getWidth()));
        JsonNode audit = new ObjectMapper().readTree(Files.readAllBytes(file(named(doc, "coffee.anonymize.json"))));
        assertThat(audit.path("detections")).isEmpty();
        assertThat(audit.path("inpainter").path("name").asText()).isEqualTo("none");
        assertThat(audit.path("digitalSourceType").isNull()).isTrue();
    }

    @Test
    void picturesThatAreMostlyPersonFailOrAreBlurredAsConfigured() throws Exception {
        Document fail = sample("portraits/grace_hopper.jpg");
        assertThatThrownBy(() -> engine.run(fail, step, Map.of("maxPersonShare", 20), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("of 'grace_hopper.jpg', over the limit of 20 % (maxPersonShare)");

        Document blur = sample("portraits/grace_hopper.jpg");
        engine.run(blur, step, Map.of("maxPersonShare", 20, "overShare", "blur"), RunOptions.DEFAULT);
        JsonNode audit = new ObjectMapper().readTree(Files.readAllBytes(file(named(blur, "grace_hopper.anonymize.json"))));
        assertThat(audit.path("inpainter").path("name").asText()).isEqualTo("blur");
    }

    @Test
    void aSuppliedReviewMaskExtendsTheAutomaticOne() throws Exception {
        BufferedImage mask = new BufferedImage(300, 200, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = mask.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(20, 20, 40, 30);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(mask, "png", png);
        Document doc = sample("coffee.jpg");
        doc.addPart(ingest.fromStream(new java.io.ByteArrayInputStream(png.toByteArray()), "coffee.mask.png").parts().get(0));

        engine.run(doc, step, Map.of(), RunOptions.DEFAULT);

        JsonNode audit = new ObjectMapper().readTree(Files.readAllBytes(file(named(doc, "coffee.anonymize.json"))));
        assertThat(audit.path("maskAreaPercent").asDouble()).isGreaterThan(1.5);
        assertThat(audit.path("inpainter").path("name").asText()).isEqualTo("patchmatch");
        assertThat(doc.deliverables()).extracting(Part::name).doesNotContain("coffee.mask-anonymized.png");
    }

    @Test
    void aCorruptFileIsAClearError() throws Exception {
        Document doc = ingest.fromStream(new java.io.ByteArrayInputStream("not a photo".getBytes()), "broken.jpg");
        assertThatThrownBy(() -> engine.run(doc, step, Map.of(), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class).hasMessageStartingWith("cannot anonymize 'broken.jpg': ");
    }
}
