package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.comfy.nodes.TestImages;
import io.flowpack.imaging.ImageEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LoadImageNodeTest {
    @TempDir
    Path root;
    FolderContext context;
    LoadImageNode node;

    @BeforeEach
    void setUp() {
        context = new FolderContext(root);
        node = new LoadImageNode(context.inputDirectory());
    }

    @Test
    void alphaBecomesTheInvertedMaskAndRgbTheImage() throws Exception {
        // left column transparent, middle half-transparent, right opaque; colour (200, 100, 50) everywhere
        BufferedImage picture = TestImages.draw(3, 2, true, (x, y) -> (x == 0 ? 0 : x == 1 ? 128 : 255) << 24
                | 200 << 16 | 100 << 8 | 50);
        TestImages.writePng(picture, context.inputDirectory().resolve("alpha.png"));

        NodeOutput output = node.execute(Map.of("image", "alpha.png"), context);

        ImageBatch image = (ImageBatch) output.values().get(0);
        MaskBatch mask = (MaskBatch) output.values().get(1);
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        float[] rgb = image.images().get(0);
        assertThat(rgb[6]).isCloseTo(200 / 255f, within(1e-6f));
        assertThat(rgb[7]).isCloseTo(100 / 255f, within(1e-6f));
        assertThat(rgb[8]).isCloseTo(50 / 255f, within(1e-6f));
        assertThat(mask.width()).isEqualTo(3);
        assertThat(mask.masks().get(0)).containsExactly(1f, 1f - 128 / 255f, 0f, 1f, 1f - 128 / 255f, 0f);
    }

    @Test
    void anImageWithoutAlphaGetsComfyUisSixtyFourSquareZeroMask() throws Exception {
        TestImages.writePng(TestImages.gradient(20, 10), context.inputDirectory().resolve("rgb.png"));

        NodeOutput output = node.execute(Map.of("image", "rgb.png"), context);

        MaskBatch mask = (MaskBatch) output.values().get(1);
        assertThat(mask.width()).isEqualTo(64);
        assertThat(mask.height()).isEqualTo(64);
        assertThat(mask.masks().get(0)).containsOnly(0f);
        assertThat(((ImageBatch) output.values().get(0)).width()).isEqualTo(20);
    }

    @Test
    void exifOrientationIsApplied() throws Exception {
        // stored 80x40 with red at the top-left; orientation 6 shows it 40x80 with red at the top-right
        try (InputStream in = getClass().getResourceAsStream("/comfy/nodes/exif-orientation-6.jpg")) {
            Files.copy(in, context.inputDirectory().resolve("turned.jpg"));
        }

        ImageBatch image = (ImageBatch) node.execute(Map.of("image", "turned.jpg"), context).values().get(0);

        assertThat(image.width()).isEqualTo(40);
        assertThat(image.height()).isEqualTo(80);
        float[] rgb = image.images().get(0);
        int topRight = (4 * 40 + 35) * 3;
        assertThat(rgb[topRight]).isGreaterThan(0.8f);
        assertThat(rgb[topRight + 1]).isLessThan(0.2f);
        int bottomLeft = (75 * 40 + 4) * 3;
        assertThat(rgb[bottomLeft + 2]).isGreaterThan(0.8f);
        assertThat(rgb[bottomLeft]).isLessThan(0.2f);
    }

    @Test
    void theFramesOfAMultiPageFileBecomeABatch() throws Exception {
        List<BufferedImage> pages = List.of(
                TestImages.draw(32, 24, false, (x, y) -> 0xff0000),
                TestImages.draw(32, 24, false, (x, y) -> 0x00ff00),
                TestImages.draw(32, 24, false, (x, y) -> 0x0000ff));
        try (OutputStream out = Files.newOutputStream(context.inputDirectory().resolve("pages.tif"))) {
            ImageEncoder.encodeTiffPages(pages, out);
        }

        NodeOutput output = node.execute(Map.of("image", "pages.tif"), context);

        ImageBatch image = (ImageBatch) output.values().get(0);
        assertThat(image.size()).isEqualTo(3);
        for (int page = 0; page < 3; page++) {
            float[] rgb = image.images().get(page);
            for (int c = 0; c < 3; c++) {
                assertThat(rgb[c]).as("page %d channel %d", page, c).isEqualTo(c == page ? 1f : 0f);
            }
        }
        assertThat(((MaskBatch) output.values().get(1)).size()).isEqualTo(3);
    }

    @Test
    void theComboListsImagesOfTheInputFolderAndItsSubfoldersSorted() throws Exception {
        TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve("b.png"));
        TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve("clipspace/a.png"));
        TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve(".hidden/c.png"));
        Files.writeString(context.inputDirectory().resolve("notes.txt"), "not an image");

        assertThat(node.definition().input("image").choices()).containsExactly("b.png", "clipspace/a.png");
        assertThat(node.definition().input("image").options()).containsEntry("image_upload", true);
        assertThat(new LoadImageMaskNode(context.inputDirectory()).definition().input("image").choices())
                .containsExactly("b.png", "clipspace/a.png", "notes.txt");
        assertThat(node.selfValidatedInputs()).containsExactly("image");
    }

    @Test
    void validationNamesMissingAndEscapingFiles() throws Exception {
        TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve("here.png"));
        TestImages.writePng(TestImages.gradient(4, 4), root.resolve("outside.png"));
        TestImages.writePng(TestImages.gradient(6, 4), context.outputDirectory().resolve("made.png"));

        assertThat(node.validateInputs(Map.of("image", "here.png"), context)).isEmpty();
        assertThat(node.validateInputs(Map.of("image", "nope.png"), context))
                .containsExactly("Invalid image file: nope.png");
        assertThat(node.validateInputs(Map.of("image", "../outside.png"), context))
                .containsExactly("Invalid image file: ../outside.png");
        assertThat(node.validateInputs(Map.of("image", root.resolve("outside.png").toString()), context))
                .hasSize(1);
        assertThat(node.validateInputs(Map.of("image", "made.png [output]"), context)).isEmpty();
        ImageBatch fromOutput = (ImageBatch) node.execute(Map.of("image", "made.png [output]"), context)
                .values().get(0);
        assertThat(fromOutput.width()).isEqualTo(6);
        assertThatThrownBy(() -> node.execute(Map.of("image", "../outside.png"), context))
                .isInstanceOf(NodeException.class).hasMessage("Invalid image file: ../outside.png");
    }

    @Test
    void theChangeTokenIsTheFilesSha256AndFollowsItsContent() throws Exception {
        Path file = TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve("x.png"));
        Object first = node.changeToken(Map.of("image", "x.png"), context);
        assertThat(first).isEqualTo(io.flowpack.comfy.nodes.files.InputFiles.sha256(file));
        assertThat(first.toString()).hasSize(64);
        assertThat(node.changeToken(Map.of("image", "x.png"), context)).isEqualTo(first);

        TestImages.writePng(TestImages.gradient(5, 4), file);

        assertThat(node.changeToken(Map.of("image", "x.png"), context)).isNotEqualTo(first);
    }

    @Test
    void aCorruptFileFailsWithTheReason() throws Exception {
        Files.write(context.inputDirectory().resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2});

        assertThatThrownBy(() -> node.execute(Map.of("image", "broken.png"), context))
                .isInstanceOf(NodeException.class).hasMessageStartingWith("LoadImage: cannot read 'broken.png': ");
    }

    @Test
    void loadImageMaskReadsOneChannelAlphaInverted() throws Exception {
        BufferedImage picture = TestImages.draw(2, 1, true, (x, y) -> x == 0 ? 0x40ff8000 : 0xff00ff33);
        TestImages.writePng(picture, context.inputDirectory().resolve("m.png"));
        LoadImageMaskNode masks = new LoadImageMaskNode(context.inputDirectory());

        MaskBatch red = (MaskBatch) masks.execute(Map.of("image", "m.png", "channel", "red"), context).values().get(0);
        MaskBatch alpha = (MaskBatch) masks.execute(Map.of("image", "m.png", "channel", "alpha"), context)
                .values().get(0);
        MaskBatch blue = (MaskBatch) masks.execute(Map.of("image", "m.png", "channel", "blue"), context)
                .values().get(0);

        assertThat(red.masks().get(0)).containsExactly(1f, 0f);
        assertThat(blue.masks().get(0)).containsExactly(0f, 0x33 / 255f);
        assertThat(alpha.masks().get(0)).containsExactly(1f - 0x40 / 255f, 0f);
        assertThat(masks.definition().input("channel").choices()).containsExactly("alpha", "red", "green", "blue");
    }
}
