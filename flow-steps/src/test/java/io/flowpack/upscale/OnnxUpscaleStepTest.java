package io.flowpack.upscale;

import io.flowpack.document.BlobRef;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.AuditEntry;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.Pixels;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.TensorLayout;
import io.flowpack.model.TestModels;
import io.flowpack.model.TestPictures;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.flowpack.model.TestPictures.maxDifference;
import static io.flowpack.model.TestPictures.nearest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code onnx} method of the upscale step on models the test generates: nearest-neighbour ×2 and ×4 models
 * (a family {@code nn}) in a models folder, and a user model given by path.
 */
class OnnxUpscaleStepTest {
    @TempDir
    static Path models;
    @TempDir
    Path dir;

    private static ModelSessions sessions;
    private static UpscaleStep step;
    private static Path userModel;
    private FileBlobStore blobs;
    private StepEngine engine;

    @BeforeAll
    static void installModels() {
        TestModels.nearest("nn-x2", 2, TensorLayout.NHWC).with("inputRange", List.of(0, 255))
                .with("outputRange", List.of(0, 255)).install(models.resolve("folder"));
        TestModels.nearest("nn-x4", 4, TensorLayout.NCHW).install(models.resolve("folder"));
        userModel = TestModels.nearest("user-x2", 2, TensorLayout.NCHW).install(models.resolve("elsewhere"));
        sessions = new ModelSessions(2);
        step = new UpscaleStep(ModelRegistry.of(new URLClassLoader(new URL[0], null), models.resolve("folder")),
                sessions);
    }

    @AfterAll
    static void closeSessions() {
        sessions.close();
    }

    @BeforeEach
    void setUp() {
        blobs = new FileBlobStore(dir.resolve("blobs"));
        engine = new StepEngine(blobs);
    }

    @Test
    void aUserModelByPathWithItsManifestBeside() throws Exception {
        BufferedImage input = TestPictures.noisy(150, 100, 1);
        Document doc = Document.of("photo.png", png("photo.png", input));

        engine.run(doc, step, Map.of("factor", 2, "model", userModel.toString()), RunOptions.DEFAULT);

        Part result = doc.baseParts().get(0);
        assertThat(result.name()).isEqualTo("photo-x2.png");
        assertThat(maxDifference(read(result), nearest(input, 2))).isZero();
        AuditEntry entry = doc.audit().get(0);
        assertThat(entry.parameters()).containsEntry("method", "onnx");
        assertThat(entry.details()).containsEntry("backend", "onnx").containsEntry("model", "user-x2")
                .containsEntry("modelSha256", List.of(TestModels.sha256(Files.readAllBytes(userModel))))
                .containsEntry("tiling", List.of("3×2 tiles of 64×64, overlap 8")).containsEntry("finish", "none");
    }

    @Test
    void aFamilyChainsTwoModelsForEight() throws Exception {
        BufferedImage input = TestPictures.noisy(30, 20, 2);
        Document doc = Document.of("small.png", png("small.png", input));
        List<Double> fractions = new java.util.ArrayList<>();

        engine.run(doc, step, Map.of("factor", 8, "model", "nn", "tileSize", 16),
                RunOptions.DEFAULT.withProgress((name, fraction, message) -> fractions.add(fraction)));

        assertThat(maxDifference(read(doc.baseParts().get(0)), nearest(input, 8))).isZero();
        assertThat(doc.audit().get(0).details()).containsEntry("model", "nn-x2 + nn-x4");
        assertThat(fractions).isSorted().hasSizeGreaterThan(10).last().isEqualTo(1.0);
        // the ×4 stage sees 4 times the pixels of the ×2 stage and its 16 times larger output: most of the work
        assertThat(fractions.stream().filter(f -> f > 0 && f < 1)).first().satisfies(f -> assertThat(f).isLessThan(0.1));
    }

    @Test
    void anOddFactorRunsTheNextLargerModelThenLanczosDown() throws Exception {
        BufferedImage input = TestPictures.noisy(40, 30, 3);
        Document doc = Document.of("odd.png", png("odd.png", input));

        engine.run(doc, step, Map.of("factor", 3, "model", "nn"), RunOptions.DEFAULT);

        BufferedImage expected = LanczosResampler.resize(nearest(input, 4), 120, 90);
        assertThat(maxDifference(read(doc.baseParts().get(0)), expected)).isZero();
        assertThat(doc.audit().get(0).details()).containsEntry("model", "nn-x4")
                .containsEntry("finish", "lanczos to 120×90");
    }

    @Test
    void aLongEdgeGetsTheExactSize() throws Exception {
        Document doc = Document.of("edge.png", png("edge.png", TestPictures.noisy(40, 30, 4)));

        engine.run(doc, step, Map.of("longEdge", 100, "model", "nn", "tileSize", 16, "tileOverlap", 4),
                RunOptions.DEFAULT);

        BufferedImage result = read(doc.baseParts().get(0));
        assertThat(result.getWidth()).isEqualTo(100);
        assertThat(result.getHeight()).isEqualTo(75);
        assertThat(doc.audit().get(0).details()).containsEntry("tiling", List.of("3×3 tiles of 16×16, overlap 4"));
    }

    @Test
    void alphaIsEnlargedSeparatelyAndKept() throws Exception {
        BufferedImage input = Pixels.create(40, 30, true);
        int[] pixels = Pixels.argb(input);
        int[] colours = Pixels.argb(TestPictures.noisy(40, 30, 5));
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i % 40 * 6) << 24 | (colours[i] & 0xffffff);
        }
        Document doc = Document.of("logo.png", png("logo.png", input));

        engine.run(doc, step, Map.of("factor", 2, "model", "nn"), RunOptions.DEFAULT);

        BufferedImage result = read(doc.baseParts().get(0));
        assertThat(result.getColorModel().hasAlpha()).isTrue();
        BufferedImage alphaAsGray = Pixels.create(40, 30, false);
        int[] gray = Pixels.argb(alphaAsGray);
        for (int i = 0; i < pixels.length; i++) {
            int a = pixels[i] >>> 24;
            gray[i] = a << 16 | a << 8 | a;
        }
        int[] expectedAlpha = Pixels.argb(LanczosResampler.resize(alphaAsGray, 80, 60));
        int[] out = Pixels.argb(Pixels.toIntRgb(result));
        int[] expectedColour = Pixels.argb(nearest(TestPictures.noisy(40, 30, 5), 2));
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i] >>> 24).isEqualTo(expectedAlpha[i] & 0xff);
            if ((out[i] >>> 24) == 0xff) {
                assertThat(out[i] & 0xffffff).isEqualTo(expectedColour[i] & 0xffffff);
            }
        }
    }

    @Test
    void aGrayscaleImageWorks() throws Exception {
        BufferedImage gray = new BufferedImage(32, 24, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(TestPictures.noisy(32, 24, 6), 0, 0, null);
        Document doc = Document.of("gray.png", png("gray.png", gray));

        engine.run(doc, step, Map.of("factor", 2, "model", "nn"), RunOptions.DEFAULT);

        BufferedImage decoded = io.flowpack.imaging.ImageDecoder.decodeFirst(
                blobs.localPath(doc.part(doc.audit().get(0).inputs().get(0)).orElseThrow().blob()).orElseThrow(),
                io.flowpack.imaging.ImageLimits.DEFAULT);
        assertThat(maxDifference(read(doc.baseParts().get(0)), nearest(decoded, 2))).isZero();
    }

    @Test
    void anUnknownModelIsAClearFailure() throws Exception {
        Document doc = Document.of("a.png", png("a.png", TestPictures.noisy(8, 8, 7)));

        assertThatThrownBy(() -> engine.run(doc, step, Map.of("model", "esrgan-huge"), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class)
                .hasMessageStartingWith("unknown upscaling model 'esrgan-huge': no model of that name and no family "
                        + "esrgan-huge-x2, esrgan-huge-x4, …; known models: nn-x2, nn-x4; models folder: ");
        assertThat(doc.audit().get(0).outcome()).isEqualTo(AuditEntry.FAILED);
    }

    @Test
    void aBrokenUserModelNamesTheModel() throws Exception {
        Path broken = TestModels.nearest("broken-x2", 2, TensorLayout.NCHW).with("sha256", "")
                .install(dir.resolve("user"));
        Files.writeString(broken, "not onnx");
        Document doc = Document.of("a.png", png("a.png", TestPictures.noisy(8, 8, 8)));

        assertThatThrownBy(() -> engine.run(doc, step, Map.of("model", broken.toString()), RunOptions.DEFAULT))
                .isInstanceOf(StepException.class)
                .hasMessageStartingWith("model 'broken-x2': file is not a valid ONNX model: " + broken);
    }

    @Test
    void reportsProgressPerTileAndStopsWhenCancelled() throws Exception {
        Document doc = Document.of("big.png", png("big.png", TestPictures.noisy(200, 200, 9)));
        AtomicInteger reports = new AtomicInteger();
        RunOptions options = RunOptions.DEFAULT.withCancelled(() -> reports.get() >= 5)
                .withProgress((name, fraction, message) -> reports.incrementAndGet());

        assertThatThrownBy(() -> engine.run(doc, step, Map.of("model", "nn", "tileSize", 32), options))
                .isInstanceOf(StepCancelledException.class);
        assertThat(doc.audit().get(0).outcome()).isEqualTo(AuditEntry.CANCELLED);
        assertThat(reports.get()).isLessThan(10);
    }

    @Test
    void byDefaultTheBundledEsrganSlimEnlargesFourTimes() throws Exception {
        BufferedImage input = TestImages.photoLike(48, 32, 10);
        Document doc = Document.of("photo.png", png("photo.png", input));

        engine.run(doc, new UpscaleStep(), Map.of("factor", 4), RunOptions.DEFAULT);

        BufferedImage result = read(doc.baseParts().get(0));
        assertThat(result.getWidth()).isEqualTo(192);
        assertThat(result.getHeight()).isEqualTo(128);
        AuditEntry entry = doc.audit().get(0);
        assertThat(entry.parameters()).containsEntry("method", "onnx").containsEntry("model", "esrgan-slim");
        assertThat(entry.details()).containsEntry("model", "esrgan-slim-x4").containsEntry("finish", "none")
                .containsEntry("tiling", List.of("1×1 tiles of 48×32, overlap 12"));
        // a super-resolution result, not a blank or shifted image: close to Lanczos of the same input
        assertThat(Psnr.of(result, LanczosResampler.resize(input, 192, 128))).isGreaterThan(25);
    }

    @Test
    void cmykAndGrayJpegsGoThroughTheBundledModel() throws Exception {
        for (String fixture : List.of("cmyk-no-profile.jpg", "gray-linear-icc.jpg", "ycck-with-profile.jpg")) {
            byte[] bytes;
            try (InputStream in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
                bytes = in.readAllBytes();
            }
            Document doc = Document.of(fixture, Part.base("image/jpeg", fixture, blobs.put(bytes), Map.of()));

            engine.run(doc, new UpscaleStep(), Map.of("factor", 2), RunOptions.DEFAULT);

            Part result = doc.baseParts().get(0);
            BufferedImage source = io.flowpack.imaging.ImageDecoder.decodeFirst(
                    blobs.localPath(doc.part(doc.audit().get(0).inputs().get(0)).orElseThrow().blob()).orElseThrow(),
                    io.flowpack.imaging.ImageLimits.DEFAULT);
            BufferedImage enlarged = read(result);
            assertThat(result.mediaType()).isEqualTo("image/jpeg");
            assertThat(enlarged.getWidth()).as(fixture).isEqualTo(source.getWidth() * 2);
            assertThat(Psnr.of(enlarged, LanczosResampler.resize(source, enlarged.getWidth(), enlarged.getHeight())))
                    .as(fixture).isGreaterThan(25);
        }
    }

    private Part png(String name, BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        BlobRef ref = blobs.put(bytes.toByteArray());
        return Part.base("image/png", name, ref, Map.of());
    }

    private BufferedImage read(Part part) throws IOException {
        try (InputStream in = blobs.open(part.blob())) {
            return ImageIO.read(in);
        }
    }
}
