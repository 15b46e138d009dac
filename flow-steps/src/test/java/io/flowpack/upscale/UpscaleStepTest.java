package io.flowpack.upscale;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import io.flowpack.engine.AuditEntry;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.step.ParameterException;
import io.flowpack.step.Step;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UpscaleStepTest {
    @TempDir
    Path dir;

    private FileBlobStore blobs;
    private StepEngine engine;

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir);
        engine = new StepEngine(blobs);
    }

    @Test
    void doublesAJpegAndKeepsItsFormat() throws Exception {
        Part input = imagePart("house.jpg", "jpg", "image/jpeg", 64, 48);
        Document doc = Document.of("house.jpg", input);

        engine.run(doc, new UpscaleStep(), Map.of("factor", 2, "method", "lanczos"), RunOptions.DEFAULT);

        Part result = doc.baseParts().get(0);
        assertThat(result.name()).isEqualTo("house-x2.jpg");
        assertThat(result.mediaType()).isEqualTo("image/jpeg");
        assertThat(result.metadata()).containsEntry("width", 128).containsEntry("height", 96)
                .containsEntry("source", input.id());
        BufferedImage image = read(result);
        assertThat(image.getWidth()).isEqualTo(128);
        assertThat(image.getHeight()).isEqualTo(96);
        assertThat(doc.part(input.id()).orElseThrow().kind()).isEqualTo(PartKind.META);

        AuditEntry entry = doc.audit().get(0);
        assertThat(entry.step()).isEqualTo("upscale");
        assertThat(entry.outcome()).isEqualTo(AuditEntry.OK);
        assertThat(entry.parameters()).containsEntry("factor", 2.0f).containsEntry("longEdge", 0)
                .containsEntry("method", "lanczos").containsEntry("model", "esrgan-slim").containsEntry("tileSize", 0)
                .containsEntry("tileOverlap", 0).containsEntry("format", "same").containsEntry("quality", 0.92f);
        assertThat(entry.details()).containsEntry("backend", "lanczos");
        assertThat(entry.inputs()).containsExactly(input.id());
        assertThat(entry.outputs()).containsExactly(result.id());
    }

    @Test
    void longEdgeNamesTheResultAfterTheEdgeAndConvertsFormat() throws Exception {
        Document doc = Document.of("house.png", imagePart("house.png", "png", "image/png", 64, 48));

        engine.run(doc, new UpscaleStep(), Map.of("longEdge", "200", "format", "png", "method", "lanczos"),
                RunOptions.DEFAULT);

        Part result = doc.baseParts().get(0);
        assertThat(result.name()).isEqualTo("house-200.png");
        assertThat(result.mediaType()).isEqualTo("image/png");
        BufferedImage image = read(result);
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(150);
    }

    @Test
    void fractionalFactorAndFormatChange() throws Exception {
        Document doc = Document.of("house.png", imagePart("house.png", "png", "image/png", 40, 30));

        engine.run(doc, new UpscaleStep(), Map.of("factor", "1.5", "format", "jpeg", "quality", 0.8, "method", "lanczos"),
                RunOptions.DEFAULT);

        Part result = doc.baseParts().get(0);
        assertThat(result.name()).isEqualTo("house-x1.5.jpg");
        assertThat(result.mediaType()).isEqualTo("image/jpeg");
        assertThat(read(result).getWidth()).isEqualTo(60);
    }

    @Test
    void refusesAResultOverTheImageLimitBeforeDecoding() throws Exception {
        Document doc = Document.of("house.png", imagePart("house.png", "png", "image/png", 64, 48));
        RunOptions options = new RunOptions(null, null, new ImageLimits(10_000, 1 << 20));

        assertThatThrownBy(() -> engine.run(doc, new UpscaleStep(), Map.of("factor", 2), options))
                .isInstanceOf(StepException.class)
                .hasMessageContaining("house.png")
                .hasMessageContaining("128×96")
                .hasMessageContaining("exceeds the image limit");
        assertThat(doc.audit().get(0).outcome()).isEqualTo(AuditEntry.FAILED);
        assertThat(doc.baseParts()).hasSize(1);
    }

    @Test
    void checksCancellationBetweenInputsAndReportsProgress() throws Exception {
        Document doc = Document.of("pair", imagePart("a.png", "png", "image/png", 20, 20),
                imagePart("b.png", "png", "image/png", 20, 20));
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> messages = new ArrayList<>();
        RunOptions options = RunOptions.DEFAULT.withCancelled(cancel::get).withProgress((step, fraction, message) -> {
            messages.add(message);
            if (message.contains("a.png")) {
                cancel.set(true);
            }
        });

        assertThatThrownBy(() -> engine.run(doc, new UpscaleStep(), Map.of("method", "lanczos"), options))
                .isInstanceOf(StepCancelledException.class);
        assertThat(messages).contains("upscaling 'a.png'").doesNotContain("upscaling 'b.png'");
        assertThat(doc.audit().get(0).outcome()).isEqualTo(AuditEntry.CANCELLED);
    }

    @Test
    void parametersAreChecked() {
        Document doc = Document.of("house.png");
        assertThatThrownBy(() -> engine.run(doc, new UpscaleStep(), Map.of("factor", 9), RunOptions.DEFAULT))
                .isInstanceOf(ParameterException.class).hasMessageContaining("factor");
        assertThatThrownBy(() -> engine.run(doc, new UpscaleStep(), Map.of("method", "bilinear"), RunOptions.DEFAULT))
                .isInstanceOf(ParameterException.class).hasMessageContaining("onnx, lanczos");
        assertThatThrownBy(() -> engine.run(doc, new UpscaleStep(), Map.of("format", "gif"), RunOptions.DEFAULT))
                .isInstanceOf(ParameterException.class).hasMessageContaining("png");
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(Step.class).stream().map(ServiceLoader.Provider::get)
                .map(s -> s.descriptor().name())).contains("upscale");
    }

    private Part imagePart(String name, String format, String mediaType, int width, int height) throws IOException {
        BufferedImage image = TestImages.photoLike(width, height, name.hashCode());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, format, bytes);
        BlobRef ref = blobs.put(bytes.toByteArray());
        return Part.base(mediaType, name, ref, Map.of());
    }

    private BufferedImage read(Part part) throws IOException {
        try (InputStream in = blobs.open(part.blob())) {
            return ImageIO.read(in);
        }
    }
}
