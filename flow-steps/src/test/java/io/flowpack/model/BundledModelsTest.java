package io.flowpack.model;

import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.model.image.TileOptions;
import io.flowpack.upscale.BicubicDownscale;
import io.flowpack.upscale.LumaMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The models bundled in flow-steps: discoverable, loadable, with provenance, and better than bicubic on photos. */
class BundledModelsTest {
    private static final Path SAMPLES = Path.of("..", "samples");

    private static ModelRegistry registry;
    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        registry = ModelRegistry.of(BundledModelsTest.class.getClassLoader(), null);
        sessions = new ModelSessions();
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @Test
    void theIndexNamesEveryBundledModelFolder() throws Exception {
        ClassLoader loader = BundledModelsTest.class.getClassLoader();

        assertThat(BundledModels.indexed(loader)).isEqualTo(BundledModels.listed(loader))
                .contains("esrgan-slim-x2", "esrgan-slim-x3", "esrgan-slim-x4");
        assertThat(registry.family("esrgan-slim")).containsOnlyKeys(2, 3, 4);
    }

    @Test
    void everyBundledModelLoadsAndHasProvenance() {
        for (String name : registry.names()) {
            LoadedModel model = sessions.get(registry.require(name));
            ModelManifest manifest = model.manifest();

            assertThat(model.sha256()).as(name).isEqualTo(manifest.sha256());
            assertThat(manifest.name()).isEqualTo(name);
            assertThat(manifest.licence()).as(name).isNotBlank();
            assertThat(manifest.sourcePackage()).as(name).isPresent();
            assertThat(model.entry().origin()).isEqualTo(ModelEntry.BUNDLED);
        }
    }

    /**
     * The protocol of super-resolution papers: shrink a real photo ×2 with MATLAB-style bicubic
     * ({@link BicubicDownscale}), enlarge it again, compare with the photo on luma with a 2-pixel border left out
     * ({@link LumaMetrics}). esrgan-slim must come within 0.5 dB of java.awt bicubic or beat it. (On RGB instead of
     * luma this small model loses up to 0.65 dB to bicubic on these JPEG photos: its errors are mostly in colour;
     * see the quality table in docs/BENCHMARKS.md.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"coffee.jpg", "chelsea.jpg", "portraits/astronaut.jpg", "portraits/grace_hopper.jpg", "rocket.jpg",
            "camera.png"})
    void esrganSlimX2IsAtLeastAsCloseToThePhotoAsBicubic(String photo) throws Exception {
        BufferedImage original = ImageDecoder.decodeFirst(SAMPLES.resolve(photo), ImageLimits.DEFAULT);
        BufferedImage small = BicubicDownscale.of(original, 2);
        int width = small.getWidth() * 2;
        int height = small.getHeight() * 2;
        BufferedImage reference = original.getSubimage(0, 0, width, height);
        ImageToImageModel model = new ImageToImageModel(sessions.get(registry.require("esrgan-slim-x2")));

        BufferedImage enlarged = model.run(small, TileOptions.MANIFEST).image();
        double esrgan = LumaMetrics.psnr(reference, enlarged, 2);
        double bicubic = LumaMetrics.psnr(reference, bicubic(small, width, height), 2);

        System.out.printf(Locale.ROOT, "%s: luma PSNR esrgan-slim-x2 %.2f dB, bicubic %.2f dB%n", photo, esrgan, bicubic);
        assertThat(esrgan).as("esrgan-slim %.2f dB vs bicubic %.2f dB on %s", esrgan, bicubic, photo)
                .isGreaterThanOrEqualTo(bicubic - 0.5);
    }

    static BufferedImage bicubic(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
