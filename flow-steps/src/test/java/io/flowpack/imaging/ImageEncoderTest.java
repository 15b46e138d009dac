package io.flowpack.imaging;

import static io.flowpack.imaging.Fixtures.assertRgb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Encode, decode again with {@link ImageDecoder}, compare pixels. */
class ImageEncoderTest {

    @TempDir
    Path dir;

    @Test
    void jpegRoundTripKeepsColours() throws IOException {
        BufferedImage image = quadrants(64, 64, false);

        BufferedImage back = roundTrip(image, ImageFormat.JPEG, 0.95f);

        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertRgb(back, 8, 8, 0xFF0000, 12);
        assertRgb(back, 56, 8, 0x00FF00, 12);
        assertRgb(back, 8, 56, 0x0000FF, 12);
        assertRgb(back, 56, 56, 0xFFFFFF, 12);
    }

    @Test
    void jpegQualityChangesTheSize() throws IOException {
        BufferedImage noise = Pixels.create(128, 128, false);
        int[] pixels = Pixels.argb(noise);
        Random random = new Random(1);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextInt(0x1000000);
        }

        assertThat(encode(noise, ImageFormat.JPEG, 0.3f).length).isLessThan(encode(noise, ImageFormat.JPEG, 0.95f).length);
    }

    @Test
    void jpegFlattensAlphaOnWhite() throws IOException {
        BufferedImage image = Pixels.create(32, 32, true);
        int[] pixels = Pixels.argb(image);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i % 32 < 16 ? 0x00000000 : 0x80FF0000;       // left transparent, right half-transparent red
        }

        BufferedImage back = roundTrip(image, ImageFormat.JPEG, 1f);

        assertRgb(back, 4, 16, 0xFFFFFF, 6);
        assertRgb(back, 27, 16, 0xFF7F7F, 8);
    }

    @Test
    void pngRoundTripIsExactWithAlpha() throws IOException {
        BufferedImage image = quadrants(40, 30, true);
        Pixels.argb(image)[0] = 0x40123456;

        BufferedImage back = roundTrip(image, ImageFormat.PNG, 0.5f);

        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(Pixels.argb(back)).containsExactly(Pixels.argb(image));
    }

    @Test
    void pngAcceptsOtherImageTypes() throws IOException {
        BufferedImage bgr = new BufferedImage(8, 8, BufferedImage.TYPE_3BYTE_BGR);
        bgr.setRGB(3, 4, 0x123456);

        BufferedImage back = roundTrip(bgr, ImageFormat.PNG, 1f);

        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(back.getRGB(3, 4) & 0xFFFFFF).isEqualTo(0x123456);
    }

    @Test
    void tiffRoundTripIsExactAndCompressed() throws IOException {
        BufferedImage image = quadrants(50, 20, false);

        byte[] tiff = encode(image, ImageFormat.TIFF, 1f);

        assertThat(compressionOfFirstPage(tiff)).isEqualToIgnoringCase(ImageEncoder.TIFF_COMPRESSION);
        assertThat(tiff.length).isLessThan(50 * 20 * 3);
        assertThat(rgb(decode(tiff))).containsExactly(rgb(image));
    }

    @Test
    void tiffKeepsAlpha() throws IOException {
        BufferedImage image = quadrants(16, 16, true);
        Pixels.argb(image)[0] = 0x40123456;

        BufferedImage back = decode(encode(image, ImageFormat.TIFF, 1f));

        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(Pixels.argb(back)).containsExactly(Pixels.argb(image));
    }

    @Test
    void multiPageTiffKeepsPagesInOrder() throws IOException {
        List<BufferedImage> pages = List.of(filled(30, 20, 0xFF0000), filled(20, 30, 0x00FF00), filled(10, 10, 0x0000FF));
        Path file = dir.resolve("pages.tif");
        try (var out = Files.newOutputStream(file)) {
            ImageEncoder.encodeTiffPages(pages, out);
        }
        List<BufferedImage> back = new ArrayList<>();

        int count = ImageDecoder.decodePages(file, ImageLimits.DEFAULT, (index, page) -> back.add(page));

        assertThat(count).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(back.get(i).getWidth()).isEqualTo(pages.get(i).getWidth());
            assertThat(back.get(i).getHeight()).isEqualTo(pages.get(i).getHeight());
            assertThat(rgb(back.get(i))).containsExactly(rgb(pages.get(i)));
        }
    }

    @Test
    void outputStreamIsLeftOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        ImageEncoder.encode(filled(4, 4, 0x336699), ImageFormat.PNG, 1f, out);

        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }

    @Test
    void refusesFormatsItCannotWrite() {
        assertThatThrownBy(() -> ImageEncoder.encode(filled(4, 4, 0), ImageFormat.GIF, 1f, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GIF");
        assertThatThrownBy(() -> ImageEncoder.encodeTiffPages(List.of(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private BufferedImage roundTrip(BufferedImage image, ImageFormat format, float quality) throws IOException {
        return decode(encode(image, format, quality));
    }

    private static byte[] encode(BufferedImage image, ImageFormat format, float quality) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.encode(image, format, quality, out);
        return out.toByteArray();
    }

    private BufferedImage decode(byte[] bytes) throws IOException {
        Path file = Files.write(Files.createTempFile(dir, "round", ".bin"), bytes);
        return ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT);
    }

    private static BufferedImage quadrants(int width, int height, boolean alpha) {
        BufferedImage image = Pixels.create(width, height, alpha);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return image;
    }

    private static BufferedImage filled(int width, int height, int rgb) {
        BufferedImage image = Pixels.create(width, height, false);
        java.util.Arrays.fill(Pixels.argb(image), 0xFF000000 | rgb);
        return image;
    }

    /** The pixels without the top byte, which TYPE_INT_RGB leaves unused. */
    private static int[] rgb(BufferedImage image) {
        return java.util.Arrays.stream(Pixels.argb(image)).map(pixel -> pixel & 0xFFFFFF).toArray();
    }

    /** The standard metadata's CompressionTypeName of the first page, as any TIFF reader reports it. */
    private static String compressionOfFirstPage(byte[] tiff) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata metadata = reader.getImageMetadata(0);
            Element root = (Element) metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
            NodeList names = root.getElementsByTagName("CompressionTypeName");
            reader.dispose();
            return ((Element) names.item(0)).getAttribute("value");
        }
    }
}
