package io.flowpack.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gives an ImageDecodeException with a precise reason, never another exception or a gray half. */
class ImageDecodeErrorsTest {
    private static final ImageLimits LIMITS = ImageLimits.DEFAULT;

    @TempDir
    Path dir;

    @Test
    void zeroByteFile() {
        assertThatThrownBy(() -> ImageDecoder.decodeFirst(Fixtures.path("empty.png"), LIMITS))
                .isInstanceOf(ImageDecodeException.class).hasMessage("file is empty");
        assertThatThrownBy(() -> ImageDecoder.probe(Fixtures.path("empty.png"), LIMITS))
                .isInstanceOf(ImageDecodeException.class).hasMessage("file is empty");
    }

    @Test
    void textNamedJpg() {
        assertThatThrownBy(() -> ImageDecoder.decodeFirst(Fixtures.path("not-an-image.jpg"), LIMITS))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage("not a supported image: content starts with \"Hello, this is p\" (text)");
    }

    @Test
    void unknownBinaryContentIsShownAsHex() throws IOException {
        Path file = dir.resolve("mystery.png");
        Files.write(file, new byte[] {0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, (byte) 0xE2, (byte) 0xE3});

        assertThatThrownBy(() -> ImageDecoder.probe(file, LIMITS))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage("not a supported image: content starts with 25 50 44 46 2D 31 2E 37 0A E2 E3");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> ImageDecoder.decodeFirst(dir.resolve("nothing-here.jpg"), LIMITS))
                .isInstanceOf(ImageDecodeException.class).hasMessageStartingWith("file not found: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated.jpg", "truncated.png"})
    void truncatedFilesFailInsteadOfShowingGray(String name) {
        assertThatThrownBy(() -> ImageDecoder.decodeFirst(Fixtures.path(name), LIMITS))
                .isInstanceOf(ImageDecodeException.class).hasMessageStartingWith("image data is truncated (");
    }

    @Test
    void jpegCutInsideItsHeaderIsTruncated() throws IOException {
        Path file = dir.resolve("header-only.jpg");
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(Fixtures.path("exif-orientation-6.jpg")), 120));

        assertThatThrownBy(() -> ImageDecoder.decodeFirst(file, LIMITS))
                .isInstanceOf(ImageDecodeException.class).hasMessageStartingWith("image data is truncated");
    }

    @Test
    void pngWithGarbageImageDataIsCorrupt() throws IOException {
        byte[] garbage = new byte[64];
        new Random(7).nextBytes(garbage);
        Path file = dir.resolve("garbage.png");
        Files.write(file, png(16, 16, garbage));

        assertThatThrownBy(() -> ImageDecoder.decodeFirst(file, LIMITS))
                .isInstanceOf(ImageDecodeException.class).hasMessageStartingWith("image data is corrupt (");
    }

    /** Cut and damaged copies of every fixture: each either decodes to a standard image or fails with a reason. */
    @Test
    void damagedCopiesNeverEscapeAsOtherExceptions() throws IOException {
        List<String> fixtures = List.of("exif-orientation-6.jpg", "ycck-with-profile.jpg", "adobe-rgb.png", "alpha.png",
                "rgb-16bit.png", "pages-3.tif", "tiff-orientation-6.tif", "palette.gif", "patches.bmp", "patches.webp");
        Random random = new Random(42);
        int decoded = 0;
        int refused = 0;
        for (String name : fixtures) {
            byte[] original = Files.readAllBytes(Fixtures.path(name));
            for (int variant = 0; variant < 12; variant++) {
                byte[] damaged;
                if (variant < 6) {
                    damaged = java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length - 1));
                } else {
                    damaged = original.clone();
                    for (int hit = 0; hit < 1 + variant - 6; hit++) {
                        damaged[8 + random.nextInt(damaged.length - 8)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                Path file = dir.resolve(variant + "-" + name);
                Files.write(file, damaged);
                try {
                    ImageDecoder.probe(file, LIMITS);
                    ImageDecoder.decodePages(file, LIMITS, (index, page) -> Fixtures.assertStandardType(page));
                    decoded++;
                } catch (ImageDecodeException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                    refused++;
                }
            }
        }
        System.out.printf("damaged copies: %d decoded, %d refused with a reason%n", decoded, refused);
        assertThat(refused).isPositive();
    }

    /** A PNG with the given IHDR size, one IDAT chunk of {@code idat} and IEND, all with valid CRCs. */
    static byte[] png(int width, int height, byte[] idat) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void pngBuilderMakesADecodableImage() throws IOException {
        // guards the helper the limit tests rely on: a 2x1 RGB PNG with filter byte 0 per row
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[] {0, (byte) 255, 0, 0, 0, 0, (byte) 255});
        deflater.finish();
        byte[] compressed = new byte[64];
        int length = deflater.deflate(compressed);
        Path file = dir.resolve("tiny.png");
        Files.write(file, png(2, 1, java.util.Arrays.copyOf(compressed, length)));

        BufferedImage image = ImageDecoder.decodeFirst(file, LIMITS);

        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(image.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
    }
}
