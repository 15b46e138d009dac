package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.comfy.nodes.TestImages;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ImageTransformNodesTest {
    @TempDir
    Path root;
    FolderContext context;
    ImageBatch gradient;

    @BeforeEach
    void setUp() throws Exception {
        context = new FolderContext(root);
        TestImages.writePng(TestImages.gradient(40, 20), context.inputDirectory().resolve("gradient.png"));
        gradient = (ImageBatch) new LoadImageNode(context.inputDirectory())
                .execute(Map.of("image", "gradient.png"), context).values().get(0);
    }

    @Test
    void scaleByTwoNearestExactRepeatsEveryPixelTwice() throws Exception {
        ImageBatch scaled = scaleBy("nearest-exact", 2.0);

        assertThat(scaled.width()).isEqualTo(80);
        assertThat(scaled.height()).isEqualTo(40);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 80; x++) {
                assertThat(pixel(scaled, x, y, 0)).isEqualTo(pixel(gradient, x / 2, y / 2, 0));
            }
        }
    }

    @Test
    void scaleByTwoBilinearUsesHalfPixelCentres() throws Exception {
        ImageBatch scaled = scaleBy("bilinear", 2.0);

        // output column 1 samples source position 0.25, column 2 position 0.75; column 0 is clamped to 0
        float s0 = pixel(gradient, 0, 0, 0);
        float s1 = pixel(gradient, 1, 0, 0);
        assertThat(pixel(scaled, 0, 0, 0)).isCloseTo(s0, within(1e-6f));
        assertThat(pixel(scaled, 1, 0, 0)).isCloseTo(0.75f * s0 + 0.25f * s1, within(1e-6f));
        assertThat(pixel(scaled, 2, 0, 0)).isCloseTo(0.25f * s0 + 0.75f * s1, within(1e-6f));
    }

    @Test
    void bicubicKeepsAConstantImageConstantAndAreaAveragesBlocks() throws Exception {
        ImageBatch grey = new ImageBatch(6, 4, List.of(filled(6 * 4 * 3, 0.4f)));
        ImageBatch bicubic = (ImageBatch) new ImageScaleByNode().execute(
                Map.of("image", grey, "upscale_method", "bicubic", "scale_by", 1.5), context).values().get(0);
        assertThat(bicubic.width()).isEqualTo(9);
        for (float v : bicubic.images().get(0)) {
            assertThat(v).isCloseTo(0.4f, within(1e-5f));
        }

        ImageBatch half = scaleBy("area", 0.5);
        assertThat(half.width()).isEqualTo(20);
        float expected = (pixel(gradient, 2, 4, 1) + pixel(gradient, 3, 4, 1) + pixel(gradient, 2, 5, 1)
                + pixel(gradient, 3, 5, 1)) / 4;
        assertThat(pixel(half, 1, 2, 1)).isCloseTo(expected, within(1e-6f));
    }

    @Test
    void lanczosAndScaleByRoundHalfToEven() throws Exception {
        ImageBatch scaled = scaleBy("lanczos", 1.5);
        assertThat(scaled.width()).isEqualTo(60);
        assertThat(scaled.height()).isEqualTo(30);
        // 20 * 0.125 = 2.5 rounds to 2 and 40 * 0.125 = 5 (Python's round)
        ImageBatch small = scaleBy("area", 0.125);
        assertThat(small.width()).isEqualTo(5);
        assertThat(small.height()).isEqualTo(2);
    }

    @Test
    void scaleKeepsTheAspectForAZeroSideAndPassesThroughForTwo() throws Exception {
        ImageScaleNode node = new ImageScaleNode();
        ImageBatch byHeight = (ImageBatch) node.execute(Map.of("image", gradient, "upscale_method", "bilinear",
                "width", 0, "height", 10, "crop", "disabled"), context).values().get(0);
        assertThat(byHeight.width()).isEqualTo(20);
        assertThat(byHeight.height()).isEqualTo(10);

        Object same = node.execute(Map.of("image", gradient, "upscale_method", "bilinear", "width", 0, "height", 0,
                "crop", "disabled"), context).values().get(0);
        assertThat(same).isSameAs(gradient);
    }

    @Test
    void aTargetOverTheImageLimitIsRefusedBeforeAllocating() {
        assertThatThrownBy(() -> new ImageScaleNode().execute(Map.of("image", gradient, "upscale_method", "bilinear",
                "width", 16384, "height", 16384, "crop", "disabled"), context))
                .isInstanceOf(NodeException.class)
                .hasMessage("ImageScale: target size 16384x16384 (268.4 MP) exceeds the image limit of 100.0 MP");
    }

    @Test
    void centreCropCutsTheSourceToTheTargetAspectFirst() throws Exception {
        ImageBatch square = (ImageBatch) new ImageScaleNode().execute(Map.of("image", gradient,
                "upscale_method", "nearest-exact", "width", 20, "height", 20, "crop", "center"), context)
                .values().get(0);

        assertThat(square.width()).isEqualTo(20);
        for (int x = 0; x < 20; x++) {
            assertThat(pixel(square, x, 7, 0)).isEqualTo(pixel(gradient, 10 + x, 7, 0));
        }
    }

    @Test
    void invertSubtractsFromOne() throws Exception {
        ImageBatch inverted = (ImageBatch) new ImageInvertNode().execute(Map.of("image", gradient), context)
                .values().get(0);

        float[] before = gradient.images().get(0);
        float[] after = inverted.images().get(0);
        for (int i = 0; i < before.length; i++) {
            assertThat(after[i]).isEqualTo(1f - before[i]);
        }
        assertThat(ImageBatches.image(inverted, 0).getRGB(0, 0) & 0xffffff)
                .isEqualTo(~TestImages.gradient(40, 20).getRGB(0, 0) & 0xffffff);
    }

    @Test
    void cropTakesTheRegionAndStopsAtTheEdges() throws Exception {
        ImageCropNode node = new ImageCropNode();
        ImageBatch region = crop(node, 5, 4, 10, 3);
        assertThat(region.width()).isEqualTo(5);
        assertThat(region.height()).isEqualTo(4);
        assertThat(pixel(region, 0, 0, 0)).isEqualTo(pixel(gradient, 10, 3, 0));
        assertThat(pixel(region, 4, 3, 1)).isEqualTo(pixel(gradient, 14, 6, 1));

        ImageBatch pastTheEdge = crop(node, 512, 512, 35, 18);
        assertThat(pastTheEdge.width()).isEqualTo(5);
        assertThat(pastTheEdge.height()).isEqualTo(2);

        ImageBatch clamped = crop(node, 8, 8, 100, 100);
        assertThat(clamped.width()).isEqualTo(1);
        assertThat(clamped.height()).isEqualTo(1);
        assertThat(pixel(clamped, 0, 0, 2)).isEqualTo(pixel(gradient, 39, 19, 2));
    }

    @Test
    void compositeMaskedPastesTheSourceWhereTheMaskIsOne() throws Exception {
        ImageBatch black = new ImageBatch(8, 8, List.of(new float[8 * 8 * 3], new float[8 * 8 * 3]));
        ImageBatch white = new ImageBatch(4, 4, List.of(filled(4 * 4 * 3, 1f)));
        float[] leftHalf = new float[16];
        for (int y = 0; y < 4; y++) {
            leftHalf[y * 4] = 1f;
            leftHalf[y * 4 + 1] = 1f;
        }
        MaskBatch mask = new MaskBatch(4, 4, List.of(leftHalf));

        ImageBatch result = (ImageBatch) new ImageCompositeMaskedNode().execute(Map.of("destination", black,
                "source", white, "x", 2, "y", 3, "resize_source", false, "mask", mask), context).values().get(0);

        assertThat(result.size()).isEqualTo(2);
        for (int b = 0; b < 2; b++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean pasted = x >= 2 && x <= 3 && y >= 3 && y <= 6;
                    assertThat(result.images().get(b)[(y * 8 + x) * 3]).as("item %d at %d,%d", b, x, y)
                            .isEqualTo(pasted ? 1f : 0f);
                }
            }
        }
        assertThat(black.images().get(0)).containsOnly(0f);
    }

    @Test
    void compositeWithoutMaskCutsAtTheEdgeAndResizeStretchesTheSource() throws Exception {
        ImageBatch black = new ImageBatch(8, 8, List.of(new float[8 * 8 * 3]));
        ImageBatch white = new ImageBatch(4, 4, List.of(filled(4 * 4 * 3, 1f)));
        ImageCompositeMaskedNode node = new ImageCompositeMaskedNode();

        ImageBatch corner = (ImageBatch) node.execute(Map.of("destination", black, "source", white, "x", 6, "y", 6,
                "resize_source", false), context).values().get(0);
        int white4 = 0;
        for (int i = 0; i < 64; i++) {
            white4 += corner.images().get(0)[i * 3] == 1f ? 1 : 0;
        }
        assertThat(white4).isEqualTo(4);

        ImageBatch stretched = (ImageBatch) node.execute(Map.of("destination", black, "source", white, "x", 0,
                "y", 0, "resize_source", true), context).values().get(0);
        assertThat(stretched.images().get(0)).containsOnly(1f);
    }

    private ImageBatch scaleBy(String method, double factor) throws Exception {
        return (ImageBatch) new ImageScaleByNode().execute(Map.of("image", gradient, "upscale_method", method,
                "scale_by", factor), context).values().get(0);
    }

    private ImageBatch crop(ImageCropNode node, int width, int height, int x, int y) throws Exception {
        return (ImageBatch) node.execute(Map.of("image", gradient, "width", width, "height", height, "x", x, "y", y),
                context).values().get(0);
    }

    private static float pixel(ImageBatch batch, int x, int y, int channel) {
        return batch.images().get(0)[(y * batch.width() + x) * 3 + channel];
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
