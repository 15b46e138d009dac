package io.flowpack.upscale;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanczosResamplerTest {

    @Test
    void constantImageStaysConstantUpAndDown() {
        BufferedImage src = TestImages.constant(37, 23, 0x3c8afe);
        for (int[] size : new int[][] {{74, 46}, {111, 50}, {10, 7}, {1, 1}, {37, 23}}) {
            BufferedImage out = LanczosResampler.resize(src, size[0], size[1]);
            assertThat(out.getWidth()).isEqualTo(size[0]);
            assertThat(out.getHeight()).isEqualTo(size[1]);
            assertThat(java.util.Arrays.stream(pixels(out)).map(p -> p & 0xffffff).distinct().toArray())
                    .containsExactly(0x3c8afe);
        }
    }

    @Test
    void tinyAndExtremeSizesWork() {
        assertThat(pixels(LanczosResampler.resize(TestImages.constant(1, 1, 0x102030), 7, 5)))
                .containsOnly(0xff102030);
        assertThat(pixels(LanczosResampler.resize(TestImages.constant(3000, 2, 0x405060), 3, 1)))
                .containsOnly(0xff405060);
        assertThat(pixels(LanczosResampler.resize(TestImages.constant(2, 900, 0x708090), 4000, 1)))
                .containsOnly(0xff708090);
    }

    @Test
    void sameSizeKeepsThePixels() {
        BufferedImage src = TestImages.photoLike(97, 61, 7);
        BufferedImage out = LanczosResampler.resize(src, 97, 61);
        assertThat(maxChannelDifference(src, out)).isLessThanOrEqualTo(1);
    }

    @Test
    void twiceAsLargeGradientFollowsTheAnalyticGradient() {
        int width = 64;
        int height = 48;
        BufferedImage src = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                src.setRGB(x, y, gray(gradient(x + 0.5, y + 0.5)));
            }
        }
        BufferedImage out = LanczosResampler.resize(src, 2 * width, 2 * height);
        double worst = 0;
        double total = 0;
        int n = 0;
        // away from the border, where Lanczos taps are cut off
        for (int y = 6; y < 2 * height - 6; y++) {
            for (int x = 6; x < 2 * width - 6; x++) {
                double expected = gradient((x + 0.5) / 2, (y + 0.5) / 2);
                double error = Math.abs((out.getRGB(x, y) & 0xff) - expected);
                worst = Math.max(worst, error);
                total += error;
                n++;
            }
        }
        assertThat(worst).isLessThanOrEqualTo(1.5);
        assertThat(total / n).isLessThan(0.5);
    }

    @Test
    void transparentEdgeHasNoDarkFringe() {
        // an orange disc with a soft edge on transparent black: every visible pixel is exactly orange
        BufferedImage src = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                double inside = 9.5 - Math.hypot(x + 0.5 - 19.3, y + 0.5 - 14.6);
                int alpha = (int) Math.round(Math.max(0, Math.min(1, inside / 1.5)) * 255);
                src.setRGB(x, y, alpha == 0 ? 0 : (alpha << 24) | 0xffa028);
            }
        }
        for (int[] size : new int[][] {{80, 60}, {120, 90}, {17, 13}}) {
            BufferedImage out = LanczosResampler.resize(src, size[0], size[1]);
            assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
            int visible = 0;
            for (int p : pixels(out)) {
                if ((p >>> 24) >= 16) {
                    visible++;
                    assertThat((p >> 16) & 0xff).as("red of %08x", p).isGreaterThanOrEqualTo(252);
                    assertThat((p >> 8) & 0xff).as("green of %08x", p).isBetween(156, 164);
                    assertThat(p & 0xff).as("blue of %08x", p).isBetween(36, 44);
                }
            }
            assertThat(visible).isPositive();
            assertThat(out.getRGB(0, 0) >>> 24).isZero();
        }
    }

    @Test
    void parallelResultEqualsSingleThreadedResultExactly() {
        BufferedImage rgb = TestImages.photoLike(301, 203, 11);
        assertThat(pixels(LanczosResampler.resize(rgb, 731, 517, true)))
                .isEqualTo(pixels(LanczosResampler.resize(rgb, 731, 517, false)));
        assertThat(pixels(LanczosResampler.resize(rgb, 97, 411, true)))
                .isEqualTo(pixels(LanczosResampler.resize(rgb, 97, 411, false)));
        assertThat(pixels(LanczosResampler.resize(rgb, 602, 406, true)))
                .isEqualTo(pixels(LanczosResampler.resize(rgb, 602, 406, false)));

        BufferedImage argb = new BufferedImage(301, 203, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 203; y++) {
            for (int x = 0; x < 301; x++) {
                argb.setRGB(x, y, ((x * 255 / 300) << 24) | (rgb.getRGB(x, y) & 0xffffff));
            }
        }
        assertThat(pixels(LanczosResampler.resize(argb, 640, 480, true)))
                .isEqualTo(pixels(LanczosResampler.resize(argb, 640, 480, false)));
        assertThat(pixels(LanczosResampler.resize(argb, 903, 609, true)))
                .isEqualTo(pixels(LanczosResampler.resize(argb, 903, 609, false)));
    }

    @Test
    void acceptsOtherImageTypesAndSubImages() {
        BufferedImage photo = TestImages.photoLike(80, 60, 3);
        BufferedImage bgr = new BufferedImage(80, 60, BufferedImage.TYPE_3BYTE_BGR);
        bgr.getGraphics().drawImage(photo, 0, 0, null);
        assertThat(maxChannelDifference(LanczosResampler.resize(bgr, 160, 120),
                LanczosResampler.resize(photo, 160, 120))).isZero();

        BufferedImage sub = photo.getSubimage(10, 5, 40, 30);
        BufferedImage copy = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(sub, 0, 0, null);
        assertThat(maxChannelDifference(LanczosResampler.resize(sub, 80, 60),
                LanczosResampler.resize(copy, 80, 60))).isZero();
    }

    @Test
    void downscalingAveragesInsteadOfAliasing() {
        // one-pixel black/white stripes: a 4× smaller image must be an even grey, not stripes
        BufferedImage src = new BufferedImage(200, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 200; x++) {
                src.setRGB(x, y, x % 2 == 0 ? 0xffffff : 0);
            }
        }
        BufferedImage out = LanczosResampler.resize(src, 50, 10);
        for (int x = 2; x < 48; x++) {
            assertThat(out.getRGB(x, 5) & 0xff).isBetween(124, 131);
        }
    }

    @Test
    void refusesEmptyTargets() {
        BufferedImage src = TestImages.constant(4, 4, 0);
        assertThatThrownBy(() -> LanczosResampler.resize(src, 0, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double gradient(double x, double y) {
        return 20 + 2.0 * x + 1.5 * y + 8 * Math.sin(x / 9.0);
    }

    private static int gray(double v) {
        int g = (int) Math.round(v);
        return (g << 16) | (g << 8) | g;
    }

    static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    static int maxChannelDifference(BufferedImage a, BufferedImage b) {
        int worst = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 24; shift += 8) {
                    worst = Math.max(worst, Math.abs(((p >> shift) & 0xff) - ((q >> shift) & 0xff)));
                }
            }
        }
        return worst;
    }
}
