package io.flowpack.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import org.junit.jupiter.api.Test;

class PixelsTest {

    @Test
    void argbIsTheBackingArray() {
        BufferedImage image = Pixels.create(4, 3, false);

        Pixels.argb(image)[1 + 2 * 4] = 0xFF123456;

        assertThat(image.getRGB(1, 2)).isEqualTo(0xFF123456);
    }

    @Test
    void argbRefusesOtherLayoutsAndSubImages() {
        assertThatThrownBy(() -> Pixels.argb(new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pixels.argb(Pixels.create(8, 8, false).getSubimage(2, 2, 4, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toIntRgbKeepsStandardImagesAsTheyAre() {
        BufferedImage rgb = Pixels.create(2, 2, false);
        BufferedImage argb = Pixels.create(2, 2, true);

        assertThat(Pixels.toIntRgb(rgb)).isSameAs(rgb);
        assertThat(Pixels.toIntRgb(argb)).isSameAs(argb);
    }

    @Test
    void toIntRgbCopiesASubImageCompactly() {
        BufferedImage image = Pixels.create(8, 8, false);
        image.setRGB(3, 4, 0xABCDEF);

        BufferedImage part = Pixels.toIntRgb(image.getSubimage(2, 2, 4, 4));

        assertThat(part.getWidth()).isEqualTo(4);
        assertThat(Pixels.argb(part)).hasSize(16);
        assertThat(part.getRGB(1, 2) & 0xFFFFFF).isEqualTo(0xABCDEF);
    }

    @Test
    void toIntRgbConvertsByteLayoutsAndPremultipliedAlpha() {
        BufferedImage bgr = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(1, 0, 0x102030);
        BufferedImage premultiplied = new BufferedImage(1, 1, BufferedImage.TYPE_4BYTE_ABGR_PRE);
        premultiplied.setRGB(0, 0, 0x80FF0000);

        BufferedImage rgb = Pixels.toIntRgb(bgr);
        BufferedImage argb = Pixels.toIntRgb(premultiplied);

        assertThat(rgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(rgb.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x102030);
        assertThat(argb.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(Pixels.argb(argb)[0] >>> 24).isEqualTo(0x80);
        assertThat(Pixels.argb(argb)[0] & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void grayValuesAreCopiedNotGammaShifted() {
        BufferedImage gray8 = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray8.getRaster().setSample(0, 0, 0, 64);
        BufferedImage gray16 = new BufferedImage(1, 1, BufferedImage.TYPE_USHORT_GRAY);
        ((DataBufferUShort) gray16.getRaster().getDataBuffer()).getData()[0] = (short) 0xC000;

        assertThat(Pixels.toIntRgb(gray8).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x404040);
        assertThat(Pixels.toIntRgb(gray16).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xBFBFBF);   // 49152 / 257 = 191.3
    }

    @Test
    void palettesExpand() {
        BufferedImage binary = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY);
        binary.setRGB(1, 0, 0xFFFFFF);

        BufferedImage rgb = Pixels.toIntRgb(binary);

        assertThat(rgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x000000);
        assertThat(rgb.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void flattenPutsAlphaOnTheBackground() {
        BufferedImage image = Pixels.create(2, 1, true);
        Pixels.argb(image)[0] = 0x00000000;
        Pixels.argb(image)[1] = 0x800000FF;

        BufferedImage flat = Pixels.flatten(image, 0xFFFFFF);

        assertThat(flat.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(flat.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(flat.getRGB(1, 0) & 0xFF).isEqualTo(0xFF);
        assertThat(flat.getRGB(1, 0) >> 16 & 0xFF).isBetween(0x7E, 0x80);
    }
}
