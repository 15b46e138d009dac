package io.flowpack.imaging;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads JPEG, PNG, TIFF, WebP, BMP and GIF files into 8-bit sRGB {@code TYPE_INT_RGB} images, or
 * {@code TYPE_INT_ARGB} (not premultiplied) when the image has alpha, turned by its EXIF orientation.
 * The format is found by content, not by file name. File size and pixel count are checked against
 * {@link ImageLimits} from the header before any pixel is decoded. Every failure is an
 * {@link ImageDecodeException} whose message is the reason: "file is empty", "image data is truncated (…)", …
 */
public final class ImageDecoder {

    private ImageDecoder() {
    }

    /** Receives decoded pages one at a time, so a long TIFF never has to fit in memory at once. */
    @FunctionalInterface
    public interface PageConsumer {
        void accept(int pageIndex, BufferedImage page) throws IOException;
    }

    /** Format, displayed size of the first page and page count, from the headers only. */
    public static ImageInfo probe(Path file, ImageLimits limits) throws ImageDecodeException {
        try (ImageSource source = ImageSource.open(file, limits)) {
            int pages = source.pageCount();
            Dimension first = checkAllPages(source, pages);
            boolean turned = Orientation.swapsAxes(source.orientation(0));
            return new ImageInfo(source.format(), turned ? first.height : first.width, turned ? first.width : first.height, pages);
        }
    }

    /** The first page (the only one for most formats). */
    public static BufferedImage decodeFirst(Path file, ImageLimits limits) throws ImageDecodeException {
        try (ImageSource source = ImageSource.open(file, limits)) {
            return source.read(0);
        }
    }

    /**
     * Decodes every page in order and hands each to the consumer before decoding the next.
     * All pages are checked against the limits before the first is decoded.
     *
     * @return the number of pages
     * @throws ImageDecodeException when the file cannot be decoded; the consumer's own IOExceptions pass through
     */
    public static int decodePages(Path file, ImageLimits limits, PageConsumer consumer) throws IOException {
        try (ImageSource source = ImageSource.open(file, limits)) {
            int pages = source.pageCount();
            checkAllPages(source, pages);
            for (int page = 0; page < pages; page++) {
                consumer.accept(page, source.read(page));
            }
            return pages;
        }
    }

    private static Dimension checkAllPages(ImageSource source, int pages) throws ImageDecodeException {
        Dimension first = source.checkedSize(0);
        for (int page = 1; page < pages; page++) {
            source.checkedSize(page);
        }
        return first;
    }
}
