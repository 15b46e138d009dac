package io.flowpack.upscale;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The vectorised whole-factor pass must compute what the general gather pass computes. */
class HorizontalPassTest {

    @Test
    void wholeFactorPassMatchesTheGeneralPass() {
        for (boolean alpha : new boolean[] {false, true}) {
            for (int[] widths : new int[][] {{203, 406}, {203, 609}, {64, 512}, {5, 10}, {203, 203}, {1, 4}}) {
                int srcWidth = widths[0];
                int width = widths[1];
                int[] in = row(srcWidth, alpha);
                Contributors xs = Contributors.of(srcWidth, width);
                int channels = alpha ? 4 : 3;
                int[][] whole = new int[channels][width];
                int[][] gather = new int[channels][width];
                HorizontalPass pass = HorizontalPass.create(in, srcWidth, xs, width, alpha);
                assertThat(pass).isInstanceOf(WholeFactorPass.class);
                pass.filter(0, whole);
                new GatherPass(in, srcWidth, xs, width, alpha).filter(0, gather);
                for (int c = 0; c < channels; c++) {
                    for (int x = 0; x < width; x++) {
                        // both are fixed point (1/128 level, or 2/255 premultiplied): float rounding may differ by 1
                        assertThat(Math.abs(whole[c][x] - gather[c][x])).as("alpha %s, %d→%d, channel %d, x %d",
                                alpha, srcWidth, width, c, x).isLessThanOrEqualTo(1);
                    }
                }
            }
        }
    }

    @Test
    void otherRatiosUseTheGeneralPass() {
        Contributors xs = Contributors.of(200, 333);
        assertThat(HorizontalPass.create(new int[200], 200, xs, 333, false)).isInstanceOf(GatherPass.class);
    }

    private static int[] row(int width, boolean alpha) {
        BufferedImage photo = TestImages.photoLike(Math.max(width, 8), 8, width);
        int[] pixels = ((DataBufferInt) photo.getRaster().getDataBuffer()).getData();
        int[] row = new int[width];
        for (int x = 0; x < width; x++) {
            int a = alpha ? (x * 97) % 256 : 255;
            row[x] = (a << 24) | (pixels[x] & 0xffffff);
        }
        return row;
    }
}
