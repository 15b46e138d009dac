package io.flowpack.model;

import io.flowpack.imaging.Pixels;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.model.image.TileOptions;
import io.flowpack.model.tile.TilePlan;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static io.flowpack.model.TestPictures.maxDifference;
import static io.flowpack.model.TestPictures.nearest;
import static io.flowpack.model.TestPictures.noisy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generic image → image adapter on models the test generates, through their manifests. */
class ImageToImageModelTest {
    @TempDir
    static Path dir;

    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions(2);
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    private static ImageToImageModel adapter(TestModels.Model model) {
        return new ImageToImageModel(sessions.get(ModelRegistry.fromPath(model.install(dir))));
    }

    @ParameterizedTest(name = "{0} {1}x in range 0..{2}")
    @CsvSource({"NCHW, 2, 1", "NHWC, 2, 255", "NCHW, 3, 255", "NHWC, 4, 1"})
    void aDepthToSpaceModelIsNearestNeighbour(TensorLayout layout, int scale, int high) {
        ImageToImageModel model = adapter(TestModels.nearest("nearest-" + layout + scale + "-" + high, scale, layout)
                .with("inputRange", List.of(0, high)).with("outputRange", List.of(0, high)));
        BufferedImage input = noisy(150, 97, scale);

        ImageToImageModel.Result result = model.run(input, TileOptions.MANIFEST);

        assertThat(result.tiling().count()).isGreaterThan(1);
        assertThat(maxDifference(result.image(), nearest(input, scale))).isZero();
    }

    @Test
    void meanAndStdAreAppliedToTheInput() {
        // (level/255 − 0.5) / 0.25 goes in; the identity-like model returns it; outputRange [-2, 2] maps it back
        ImageToImageModel model = adapter(TestModels.nearest("normalised", 2, TensorLayout.NCHW)
                .with("mean", List.of(0.5)).with("std", List.of(0.25)).with("outputRange", List.of(-2, 2)));
        BufferedImage input = noisy(40, 30, 7);

        assertThat(maxDifference(model.run(input, TileOptions.MANIFEST).image(), nearest(input, 2))).isZero();
    }

    @ParameterizedTest(name = "tile {0}, overlap {1}")
    @CsvSource({"64, 8", "48, 12", "37, 16", "100, 8", "500, 8"})
    void tiledOutputEqualsTheWholeImageRun(int tile, int overlap) {
        ImageToImageModel model = adapter(TestModels.blurThenDouble("blur-" + tile + "-" + overlap));
        BufferedImage input = noisy(201, 143, 3);
        BufferedImage whole = model.run(input, new TileOptions(1024, 8)).image();

        ImageToImageModel.Result tiled = model.run(input, new TileOptions(tile, overlap));

        if (tile < 100) {
            assertThat(tiled.tiling().count()).isGreaterThan(4);
        }
        assertThat(maxDifference(tiled.image(), whole)).isLessThanOrEqualTo(1);
    }

    @Test
    void withoutBlendingTheTileBordersWouldShow() {
        // the check above can fail: cut the same image into tiles that do not overlap and seams appear
        ImageToImageModel model = adapter(TestModels.blurThenDouble("blur-seams"));
        BufferedImage input = noisy(128, 128, 5);
        BufferedImage whole = model.run(input, new TileOptions(1024, 8)).image();
        BufferedImage left = model.run(input.getSubimage(0, 0, 64, 128), new TileOptions(1024, 8)).image();
        BufferedImage right = model.run(input.getSubimage(64, 0, 64, 128), new TileOptions(1024, 8)).image();
        BufferedImage joined = Pixels.create(256, 256, false);
        joined.getGraphics().drawImage(left, 0, 0, null);
        joined.getGraphics().drawImage(right, 128, 0, null);

        assertThat(maxDifference(joined, whole)).isGreaterThan(10);
    }

    @Test
    void aFixedSizeModelGetsPaddedTilesOfItsSize() {
        ImageToImageModel model = adapter(TestModels.fixed32("fixed32"));
        BufferedImage small = noisy(20, 13, 1);
        BufferedImage large = noisy(75, 50, 2);

        ImageToImageModel.Result smallResult = model.run(small, new TileOptions(100, 8));
        ImageToImageModel.Result largeResult = model.run(large, new TileOptions(100, 8));

        assertThat(smallResult.tiling().tensorWidth()).isEqualTo(32);
        assertThat(smallResult.tiling().count()).isEqualTo(1);
        assertThat(maxDifference(smallResult.image(), nearest(small, 2))).isZero();
        assertThat(largeResult.tiling().count()).isEqualTo(3 * 2);
        assertThat(maxDifference(largeResult.image(), nearest(large, 2))).isZero();
    }

    @Test
    void aModelNeedingMultiplesOfFourGetsReflectPaddedEdges() {
        TestModels.Model model = TestModels.multipleOf4("multiple-of-4");
        BufferedImage odd = noisy(30, 23, 9);
        assertThatThrownBy(() -> adapter(model.named("multiple-of-4-undeclared")).run(odd, new TileOptions(64, 8)))
                .hasMessageContaining("multiple-of-4-undeclared").hasMessageContaining("tile 1 of 1");

        ImageToImageModel.Result result = adapter(model.with("multipleOf", 4)).run(odd, new TileOptions(64, 8));

        assertThat(result.tiling().tensorWidth()).isEqualTo(32);
        assertThat(result.tiling().tensorHeight()).isEqualTo(24);
        assertThat(maxDifference(result.image(), odd)).isZero();
    }

    @Test
    void aMaskModelGetsImageAndMask() {
        ImageToImageModel model = adapter(TestModels.fillGray("fill-gray"));
        BufferedImage input = noisy(90, 70, 4);
        BufferedImage mask = Pixels.create(90, 70, false);
        mask.getGraphics().fillRect(20, 10, 30, 40); // white: fill

        BufferedImage filled = model.run(input, mask, new TileOptions(32, 8), (d, t) -> { }, () -> false).image();

        assertThat(model.needsMask()).isTrue();
        assertThat(filled.getRGB(30, 20) & 0xffffff).isEqualTo(0x808080);
        assertThat(filled.getRGB(5, 5)).isEqualTo(input.getRGB(5, 5));
        assertThat(filled.getRGB(80, 60)).isEqualTo(input.getRGB(80, 60));
        assertThatThrownBy(() -> model.run(input, TileOptions.MANIFEST)).hasMessageContaining("needs a mask");
    }

    @Test
    void reportsEveryTileAndStopsWhenCancelled() {
        ImageToImageModel model = adapter(TestModels.nearest("progress", 2, TensorLayout.NCHW));
        BufferedImage input = noisy(100, 100, 8);
        TilePlan plan = model.plan(100, 100, new TileOptions(32, 8));
        List<String> reports = new ArrayList<>();

        model.run(input, null, new TileOptions(32, 8), (done, total) -> reports.add(done + "/" + total), () -> false);

        assertThat(plan.count()).isEqualTo(16);
        assertThat(reports).hasSize(16).startsWith("1/16").endsWith("16/16");

        AtomicInteger tiles = new AtomicInteger();
        assertThatThrownBy(() -> model.run(input, null, new TileOptions(32, 8), (done, total) -> tiles.set(done),
                () -> tiles.get() >= 5))
                .isInstanceOf(CancellationException.class).hasMessageContaining("after 5 of 16 tiles");
    }

    @Test
    void keepsTheColourOfAnImageWithAlphaAndReturnsRgb() {
        ImageToImageModel model = adapter(TestModels.nearest("alpha", 2, TensorLayout.NCHW));
        BufferedImage argb = Pixels.create(10, 10, true);
        argb.setRGB(3, 4, 0x40123456);

        BufferedImage result = model.run(argb, TileOptions.MANIFEST).image();

        assertThat(result.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(result.getRGB(7, 9) & 0xffffff).isEqualTo(0x123456);
    }

    @Test
    void aManifestScaleTheModelDoesNotHaveFailsOnTheFirstTileNamingTheModel() {
        ImageToImageModel model = adapter(TestModels.nearest("claims-x3", 2, TensorLayout.NCHW).with("scale", 3));

        assertThatThrownBy(() -> model.run(noisy(20, 20, 1), TileOptions.MANIFEST))
                .isInstanceOf(io.flowpack.model.image.ModelRunException.class)
                .hasMessageStartingWith("model 'claims-x3' failed on tile 1 of 1 (1×1 tiles of 20×20, overlap 8, "
                        + "expecting a 60×60 output for scale 3): ");
    }

    @Test
    void threadsCanShareOneAdapter() throws Exception {
        ImageToImageModel model = adapter(TestModels.blurThenDouble("shared-adapter"));
        List<BufferedImage> inputs = List.of(noisy(90, 70, 1), noisy(70, 90, 2), noisy(100, 50, 3), noisy(64, 64, 4));
        List<BufferedImage> expected = inputs.stream().map(i -> model.run(i, new TileOptions(32, 8)).image()).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<BufferedImage>> results = new ArrayList<>();
            for (BufferedImage input : inputs) {
                results.add(pool.submit(() -> model.run(input, new TileOptions(32, 8)).image()));
            }
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(maxDifference(results.get(i).get(), expected.get(i))).isZero();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesAModelThatIsNotImageToImage() {
        // a second input with a role the adapter cannot fill (here: "strength")
        TestModels.Model extraInput = TestModels.fillGray("extra-input")
                .with("inputs", List.of(TestModels.spec("image", "image", TensorLayout.NCHW),
                        java.util.Map.of("name", "mask", "role", "strength")));
        LoadedModel loaded = sessions.get(ModelRegistry.fromPath(extraInput.install(dir)));

        assertThatThrownBy(() -> new ImageToImageModel(loaded)).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("'extra-input' is not an image-to-image model");
    }
}
