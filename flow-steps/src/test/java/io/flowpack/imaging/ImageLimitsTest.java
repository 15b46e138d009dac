package io.flowpack.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Limits are enforced from the header, before any pixel is decoded. */
class ImageLimitsTest {
    private static final Logger log = LoggerFactory.getLogger(ImageLimitsTest.class);
    private static final String BOMB_MESSAGE = "image is 60000×60000 (3600.0 MP), over the limit of 100.0 MP";

    @TempDir
    Path dir;

    /** Valid signature and IHDR declaring 60000x60000, then a tiny IDAT: decoding it would need 14 GB. */
    private Path pngBomb() throws IOException {
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1024]);
        deflater.finish();
        byte[] idat = new byte[64];
        int length = deflater.deflate(idat);
        Path file = dir.resolve("bomb.png");
        Files.write(file, ImageDecodeErrorsTest.png(60_000, 60_000, java.util.Arrays.copyOf(idat, length)));
        return file;
    }

    @Test
    void pngBombIsRefusedFromItsHeader() throws IOException {
        Path bomb = pngBomb();
        long start = System.nanoTime();

        assertThatThrownBy(() -> ImageDecoder.decodeFirst(bomb, ImageLimits.DEFAULT))
                .isInstanceOf(ImageDecodeException.class).hasMessage(BOMB_MESSAGE);

        // logged, not asserted: timing must never fail a build
        log.info("60000×60000 PNG ({} bytes) refused in {} ms", Files.size(bomb), (System.nanoTime() - start) / 1_000_000);
        assertThatThrownBy(() -> ImageDecoder.probe(bomb, ImageLimits.DEFAULT))
                .isInstanceOf(ImageDecodeException.class).hasMessage(BOMB_MESSAGE);
        assertThatThrownBy(() -> ImageDecoder.decodePages(bomb, ImageLimits.DEFAULT, (i, page) -> { }))
                .isInstanceOf(ImageDecodeException.class).hasMessage(BOMB_MESSAGE);
    }

    @Test
    void jpegBombIsRefusedFromItsFrameHeader() throws IOException {
        // SOI, SOF0 declaring 65000x65000 with 3 components, EOI
        ByteBuffer jpeg = ByteBuffer.allocate(2 + 19 + 2);
        jpeg.putShort((short) 0xFFD8).putShort((short) 0xFFC0).putShort((short) 17).put((byte) 8)
                .putShort((short) 65000).putShort((short) 65000).put((byte) 3);
        for (int component = 1; component <= 3; component++) {
            jpeg.put((byte) component).put((byte) 0x11).put((byte) 0);
        }
        jpeg.putShort((short) 0xFFD9);
        Path file = dir.resolve("bomb.jpg");
        Files.write(file, jpeg.array());

        assertThatThrownBy(() -> ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage("image is 65000×65000 (4225.0 MP), over the limit of 100.0 MP");
    }

    @Test
    void fileOverTheByteLimitIsRefusedBeforeReading() throws IOException {
        Path file = Fixtures.path("pages-3.tif");
        long size = Files.size(file);

        assertThatThrownBy(() -> ImageDecoder.probe(file, new ImageLimits(1_000_000, size - 1)))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage("file is " + size + " bytes, over the limit of " + (size - 1) + " bytes");
        assertThat(ImageDecoder.probe(file, new ImageLimits(1_000_000, size)).pages()).isEqualTo(3);
    }

    @Test
    void pixelLimitIsInclusive() throws IOException {
        Path file = Fixtures.path("patches.bmp");                   // 32x16 = 512 pixels

        assertThat(ImageDecoder.decodeFirst(file, new ImageLimits(512, 1 << 20)).getWidth()).isEqualTo(32);
        assertThatThrownBy(() -> ImageDecoder.decodeFirst(file, new ImageLimits(511, 1 << 20)))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage("image is 32×16 (512 pixels), over the limit of 511 pixels");
    }

    @Test
    void everyTiffPageIsCheckedBeforeTheFirstIsDecoded() throws IOException {
        Path file = dir.resolve("small-then-large.tif");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageEncoder.encodeTiffPages(List.of(Pixels.create(10, 10, false), Pixels.create(100, 100, false)), out);
        }
        AtomicInteger delivered = new AtomicInteger();

        assertThatThrownBy(() -> ImageDecoder.decodePages(file, new ImageLimits(1000, 1 << 20),
                (index, page) -> delivered.incrementAndGet()))
                .isInstanceOf(ImageDecodeException.class)
                .hasMessage("image is 100×100 (10000 pixels), over the limit of 1000 pixels");
        assertThat(delivered).hasValue(0);
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new ImageLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImageLimits(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
