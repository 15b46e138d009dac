package io.flowpack.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The files made by src/test/resources/fixtures/make-fixtures.sh, and pixel assertions for them. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalStateException("missing fixture " + name + "; run src/test/resources/fixtures/make-fixtures.sh");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the pixel's RGB is within {@code tolerance} per channel of {@code expected} (0xRRGGBB). */
    static void assertRgb(BufferedImage image, int x, int y, int expected, int tolerance) {
        int actual = image.getRGB(x, y);
        String where = String.format("pixel (%d,%d) = %06X, expected %06X ± %d", x, y, actual & 0xFFFFFF, expected, tolerance);
        for (int shift = 0; shift <= 16; shift += 8) {
            assertThat(Math.abs((actual >> shift & 0xFF) - (expected >> shift & 0xFF))).as(where).isLessThanOrEqualTo(tolerance);
        }
    }

    static int alpha(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) >>> 24;
    }

    static void assertStandardType(BufferedImage image) {
        assertThat(image.getType()).isIn(BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB);
    }
}
