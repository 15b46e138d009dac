package io.flowpack.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageFormatTest {

    @ParameterizedTest
    @CsvSource({
        "exif-orientation-6.jpg, JPEG", "cmyk-no-profile.jpg, JPEG", "alpha.png, PNG", "gray-16bit.png, PNG",
        "pages-3.tif, TIFF", "patches.webp, WEBP", "patches.bmp, BMP", "palette.gif, GIF"})
    void detectsFixturesByContent(String file, ImageFormat expected) throws IOException {
        byte[] head = Arrays.copyOf(Files.readAllBytes(Fixtures.path(file)), 32);
        assertThat(ImageFormat.detect(head)).contains(expected);
    }

    @Test
    void detectsBigEndianTiffAndBigTiff() {
        assertThat(ImageFormat.detect(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8})).contains(ImageFormat.TIFF);
        assertThat(ImageFormat.detect(new byte[] {'I', 'I', 43, 0, 8, 0, 0, 0})).contains(ImageFormat.TIFF);
    }

    @Test
    void rejectsTextEmptyAndShortContent() throws IOException {
        assertThat(ImageFormat.detect(Files.readAllBytes(Fixtures.path("not-an-image.jpg")))).isEmpty();
        assertThat(ImageFormat.detect("BMW drives".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.detect("RIFF....WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
        assertThat(ImageFormat.detect(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "png, PNG", "image/png, PNG", ".JPG, JPEG", "jpeg, JPEG", "JPEG, JPEG", "image/jpeg, JPEG", "image/jpg, JPEG",
        "tiff, TIFF", "tif, TIFF", "image/tiff, TIFF", "scan.TIFF, TIFF", "webp, WEBP", "image/webp, WEBP",
        "bmp, BMP", "image/x-ms-bmp, BMP", "gif, GIF", "'image/jpeg; charset=binary', JPEG", "' photo.jpg ', JPEG"})
    void findsFormatsByName(String name, ImageFormat expected) {
        assertThat(ImageFormat.fromName(name)).contains(expected);
    }

    @Test
    void unknownNamesGiveNothing() {
        assertThat(ImageFormat.fromName("pdf")).isEmpty();
        assertThat(ImageFormat.fromName("image/heic")).isEmpty();
        assertThat(ImageFormat.fromName("")).isEmpty();
        assertThat(ImageFormat.fromName(null)).isEmpty();
    }

    @Test
    void describesEachFormat() {
        assertThat(Arrays.stream(ImageFormat.values()).map(ImageFormat::mediaType))
                .containsExactly("image/jpeg", "image/png", "image/tiff", "image/webp", "image/bmp", "image/gif");
        assertThat(Arrays.stream(ImageFormat.values()).map(ImageFormat::extension))
                .containsExactly("jpg", "png", "tif", "webp", "bmp", "gif");
        assertThat(Arrays.stream(ImageFormat.values()).filter(ImageFormat::writable))
                .containsExactly(ImageFormat.JPEG, ImageFormat.PNG, ImageFormat.TIFF);
    }
}
