package io.flowpack.imaging;

import static io.flowpack.imaging.Fixtures.alpha;
import static io.flowpack.imaging.Fixtures.assertRgb;
import static io.flowpack.imaging.Fixtures.assertStandardType;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding of every supported format and colour flavour, checked on real pixel values. */
class ImageDecoderTest {
    private static final ImageLimits LIMITS = ImageLimits.DEFAULT;

    @Test
    void jpegExifOrientationSixTurnsClockwise() throws IOException {
        // stored 80x40 with red top-left, blue bottom-right; shown 40x80 with red top-right, blue bottom-left
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("exif-orientation-6.jpg"), LIMITS);

        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(80);
        assertRgb(image, 39 - 4, 4, 0xFF0000, 24);
        assertRgb(image, 4, 79 - 4, 0x0000FF, 24);
        assertRgb(image, 4, 4, 0xFFFFFF, 24);
        assertStandardType(image);
    }

    @Test
    void tiffOrientationTagIsApplied() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("tiff-orientation-6.tif"), LIMITS);

        assertThat(image.getWidth()).isEqualTo(40);
        assertThat(image.getHeight()).isEqualTo(80);
        assertRgb(image, 39, 0, 0xFF0000, 0);
        assertRgb(image, 0, 79, 0x0000FF, 0);
        assertRgb(image, 0, 0, 0xFFFFFF, 0);
    }

    @Test
    void probeReportsTheDisplayedSize() throws IOException {
        assertThat(ImageDecoder.probe(Fixtures.path("exif-orientation-6.jpg"), LIMITS))
                .isEqualTo(new ImageInfo(ImageFormat.JPEG, 40, 80, 1));
        assertThat(ImageDecoder.probe(Fixtures.path("pages-3.tif"), LIMITS))
                .isEqualTo(new ImageInfo(ImageFormat.TIFF, 32, 24, 3));
        assertThat(ImageDecoder.probe(Fixtures.path("patches.webp"), LIMITS))
                .isEqualTo(new ImageInfo(ImageFormat.WEBP, 32, 16, 1));
    }

    @Test
    void plainCmykJpegBecomesSrgb() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("cmyk-no-profile.jpg"), LIMITS);

        assertStandardType(image);
        assertCyanMagentaYellow(image);
    }

    @Test
    void ycckJpegIsConvertedWithItsEmbeddedPressProfile() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("ycck-with-profile.jpg"), LIMITS);

        assertCyanMagentaYellow(image);
        // a press profile's cyan is out of sRGB's reach: about (0, 176, 240), not the naive (0, 255, 255)
        assertRgb(image, 16, 16, 0x00B0F0, 20);
    }

    @Test
    void cmykTiffBecomesSrgb() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("cmyk-no-profile.tif"), LIMITS);

        assertStandardType(image);
        assertCyanMagentaYellow(image);
    }

    private static void assertCyanMagentaYellow(BufferedImage image) {
        int cyan = image.getRGB(16, 16);
        int magenta = image.getRGB(48, 16);
        int yellow = image.getRGB(80, 16);
        assertThat(red(cyan)).isLessThan(60);
        assertThat(green(cyan)).isGreaterThan(140);
        assertThat(blue(cyan)).isGreaterThan(200);
        assertThat(red(magenta)).isGreaterThan(200);
        assertThat(green(magenta)).isLessThan(60);
        assertThat(blue(magenta)).isGreaterThan(100);
        assertThat(red(yellow)).isGreaterThan(220);
        assertThat(green(yellow)).isGreaterThan(200);
        assertThat(blue(yellow)).isLessThan(60);
    }

    @Test
    void adobeRgbJpegIsConvertedToSrgb() throws IOException {
        // stored numbers are about (144, 255, 60): the Adobe RGB encoding of sRGB green
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("adobe-rgb.jpg"), LIMITS);

        assertRgb(image, 16, 16, 0x00FF00, 8);
        assertRgb(image, 48, 16, 0xFF0000, 8);
    }

    @Test
    void adobeRgbPngIsConvertedToSrgbThroughItsIccpChunk() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("adobe-rgb.png"), LIMITS);

        assertRgb(image, 16, 16, 0x00FF00, 8);
        assertRgb(image, 48, 16, 0xFF0000, 8);
    }

    @Test
    void adobeRgbTiffIsConvertedToSrgb() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("adobe-rgb.tif"), LIMITS);

        assertRgb(image, 16, 16, 0x00FF00, 8);
        assertRgb(image, 48, 16, 0xFF0000, 8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gray-linear-icc.png", "gray-linear-icc.jpg"})
    void grayWithALinearProfileIsConvertedToSrgbGray(String name) throws IOException {
        // stored 64 in a linear-gamma gray space is sRGB ~137; untagged gray would stay 64
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path(name), LIMITS);

        assertRgb(image, 8, 8, 0x898989, 3);
    }

    @Test
    void sixteenBitRgbIsRoundedToEightBits() throws IOException {
        // 0x12F0, 0xABCD, 0x0102 → round(v / 257) = 19, 171, 1 (a plain shift would give 18 for red)
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("rgb-16bit.png"), LIMITS);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRGB(3, 3) & 0xFFFFFF).isEqualTo(19 << 16 | 171 << 8 | 1);
    }

    @Test
    void sixteenBitGrayKeepsItsValueWithoutAGammaShift() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("gray-16bit.png"), LIMITS);

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x808080);
    }

    @Test
    void grayBecomesEqualRgbChannels() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("gray.png"), LIMITS);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRGB(4, 4) & 0xFFFFFF).isEqualTo(0x404040);
        assertThat(image.getRGB(28, 12) & 0xFFFFFF).isEqualTo(0xC8C8C8);
    }

    @Test
    void alphaIsKeptUnpremultiplied() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("alpha.png"), LIMITS);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(image.getRGB(4, 4)).isEqualTo(0xFFFF0000);
        assertThat(alpha(image, 20, 4)).isEqualTo(128);
        assertThat(image.getRGB(20, 4) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(alpha(image, 28, 28)).isZero();
    }

    @Test
    void multiPageTiffGivesEachPageInOrder() throws IOException {
        List<Integer> colours = new ArrayList<>();
        int count = ImageDecoder.decodePages(Fixtures.path("pages-3.tif"), LIMITS, (index, page) -> {
            assertThat(index).isEqualTo(colours.size());
            assertStandardType(page);
            assertThat(page.getWidth()).isEqualTo(32);
            colours.add(page.getRGB(10, 10) & 0xFFFFFF);
        });

        assertThat(count).isEqualTo(3);
        assertThat(colours).containsExactly(0xFF0000, 0x00FF00, 0x0000FF);
    }

    @Test
    void decodeFirstOfAMultiPageTiffIsPageZero() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("pages-3.tif"), LIMITS);

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void paletteGifBecomesRgb() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("palette.gif"), LIMITS);

        assertStandardType(image);
        assertThat(image.getRGB(2, 2) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(image.getRGB(20, 20) & 0xFFFFFF).isEqualTo(0xFFFF00);
    }

    @Test
    void bmpKeepsItsColours() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("patches.bmp"), LIMITS);

        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(image.getRGB(4, 4) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(image.getRGB(28, 12) & 0xFFFFFF).isEqualTo(0xFF00FF);
    }

    @Test
    void losslessWebpKeepsItsColours() throws IOException {
        BufferedImage image = ImageDecoder.decodeFirst(Fixtures.path("patches.webp"), LIMITS);

        assertStandardType(image);
        assertThat(image.getRGB(4, 4) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(28, 12) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    private static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    private static int green(int rgb) {
        return rgb >> 8 & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }
}
