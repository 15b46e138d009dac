package io.flowpack.imaging;

import static io.flowpack.imaging.Fixtures.assertRgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** All eight EXIF orientations, on a JPEG made here with an APP1 Exif segment carrying the value. */
class ExifOrientationTest {
    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;
    private static final int BLUE = 0x0000FF;
    private static final int YELLOW = 0xFFFF00;
    private static final int W = 48;
    private static final int H = 32;

    @TempDir
    Path dir;

    /** Stored 48x32 with corner blocks red (top-left), green (top-right), blue (bottom-left), yellow (bottom-right). */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        // orientation, shown corners: top-left, top-right, bottom-left, bottom-right; little-endian Exif?
        "1, FF0000, 00FF00, 0000FF, FFFF00, false",
        "2, 00FF00, FF0000, FFFF00, 0000FF, true",
        "3, FFFF00, 0000FF, 00FF00, FF0000, false",
        "4, 0000FF, FFFF00, FF0000, 00FF00, true",
        "5, FF0000, 0000FF, 00FF00, FFFF00, false",
        "6, 0000FF, FF0000, FFFF00, 00FF00, true",
        "7, FFFF00, 00FF00, 0000FF, FF0000, false",
        "8, 00FF00, FFFF00, FF0000, 0000FF, true"})
    void showsTheCornersWhereTheOrientationPutsThem(int orientation, String topLeft, String topRight, String bottomLeft,
            String bottomRight, boolean littleEndian) throws IOException {
        Path file = dir.resolve("o" + orientation + ".jpg");
        Files.write(file, withExif(storedJpeg(), orientation, littleEndian));

        BufferedImage shown = ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT);

        boolean turned = orientation >= 5;
        assertThat(shown.getWidth()).isEqualTo(turned ? H : W);
        assertThat(shown.getHeight()).isEqualTo(turned ? W : H);
        assertThat(ImageDecoder.probe(file, ImageLimits.DEFAULT).width()).isEqualTo(shown.getWidth());
        int right = shown.getWidth() - 5;
        int bottom = shown.getHeight() - 5;
        assertRgb(shown, 4, 4, Integer.parseInt(topLeft, 16), 30);
        assertRgb(shown, right, 4, Integer.parseInt(topRight, 16), 30);
        assertRgb(shown, 4, bottom, Integer.parseInt(bottomLeft, 16), 30);
        assertRgb(shown, right, bottom, Integer.parseInt(bottomRight, 16), 30);
    }

    private static byte[] storedJpeg() throws IOException {
        BufferedImage stored = Pixels.create(W, H, false);
        Graphics2D g = stored.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, W, H);
        fill(g, RED, 0, 0);
        fill(g, GREEN, W - 16, 0);
        fill(g, BLUE, 0, H - 16);
        fill(g, YELLOW, W - 16, H - 16);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.encode(stored, ImageFormat.JPEG, 1f, out);
        return out.toByteArray();
    }

    private static void fill(Graphics2D g, int rgb, int x, int y) {
        g.setColor(new Color(rgb));
        g.fillRect(x, y, 16, 16);
    }

    /** The JPEG with an APP1 Exif segment (one IFD, one Orientation entry) inserted after SOI. */
    static byte[] withExif(byte[] jpeg, int orientation, boolean littleEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put((byte) (littleEndian ? 'I' : 'M')).put((byte) (littleEndian ? 'I' : 'M')).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);                                                   // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);                                                             // no next IFD
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer app1 = ByteBuffer.allocate(4 + exif.length + tiff.capacity());
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + exif.length + tiff.capacity())).put(exif).put(tiff.array());
        ByteBuffer result = ByteBuffer.allocate(jpeg.length + app1.capacity());
        result.put(jpeg, 0, 2).put(app1.array()).put(jpeg, 2, jpeg.length - 2);
        return result.array();
    }
}
