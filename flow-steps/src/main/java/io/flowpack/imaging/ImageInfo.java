package io.flowpack.imaging;

/**
 * What an image's header says, read without decoding pixels.
 *
 * @param format the format found by the content's magic bytes (not by the file name)
 * @param width  width of the first page as displayed, i.e. after EXIF orientation
 * @param height height of the first page as displayed
 * @param pages  number of pages {@link ImageDecoder#decodePages} delivers (TIFF: its pages; other formats: 1)
 */
public record ImageInfo(ImageFormat format, int width, int height, int pages) {
}
