package io.flowpack.upscale;

import io.flowpack.imaging.Pixels;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LumaMetricsTest {

    @Test
    void identicalImagesAreInfinitelyCloseAndFullySimilar() {
        BufferedImage image = TestImages.photoLike(64, 48, 1);

        assertThat(LumaMetrics.psnr(image, image, 2)).isInfinite();
        assertThat(LumaMetrics.ssim(image, image, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aUniformOffsetGivesTheExpectedPsnrAndNoiseLowersSsim() {
        BufferedImage gray = TestImages.constant(40, 40, 0x808080);
        BufferedImage brighter = TestImages.constant(40, 40, 0x8a8a8a);
        // ΔY = 10 · (65.481 + 128.553 + 24.966) / 255 = 8.588…
        double expected = 10 * Math.log10(255.0 * 255.0 / Math.pow(10 * 219.0 / 255, 2));

        assertThat(LumaMetrics.psnr(gray, brighter, 0)).isCloseTo(expected, within(1e-9));
        BufferedImage photo = TestImages.photoLike(64, 64, 2);
        BufferedImage noisy = Pixels.toIntRgb(TestImages.photoLike(64, 64, 2));
        int[] pixels = Pixels.argb(noisy);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < pixels.length; i++) {
            int n = random.nextInt(41) - 20;
            int v = Math.max(0, Math.min(255, ((pixels[i] >> 8) & 0xff) + n));
            pixels[i] = (pixels[i] & 0xffff00ff) | v << 8;
        }
        assertThat(LumaMetrics.ssim(photo, noisy, 0)).isBetween(0.3, 0.95);
    }

    @Test
    void bicubicDownscaleKeepsAFlatImageAndAveragesStripes() {
        assertThat(BicubicDownscale.of(TestImages.constant(16, 12, 0x336699), 4).getRGB(2, 1) & 0xffffff)
                .isEqualTo(0x336699);
        BufferedImage stripes = Pixels.create(32, 8, false);
        for (int x = 0; x < 32; x += 2) {
            for (int y = 0; y < 8; y++) {
                stripes.setRGB(x, y, 0xffffff);
            }
        }
        BufferedImage half = BicubicDownscale.of(stripes, 2);
        assertThat(half.getWidth()).isEqualTo(16);
        assertThat(half.getRGB(8, 2) & 0xff).isBetween(120, 135);
    }
}
