package io.flowpack.imaging;

import java.util.Iterator;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;

/** Picks the ImageIO reader or writer for a format, TwelveMonkeys' first (CMYK, ICC profiles, more TIFF flavours). */
final class ImageIoPlugins {

    private ImageIoPlugins() {
    }

    static ImageReader reader(ImageFormat format) throws ImageDecodeException {
        ImageReader reader = find(format, ImageIO::getImageReadersByMIMEType);
        if (reader == null) {
            throw new ImageDecodeException("no decoder for " + format + " is installed");
        }
        return reader;
    }

    static ImageWriter writer(ImageFormat format) {
        ImageWriter writer = find(format, ImageIO::getImageWritersByMIMEType);
        if (writer == null) {
            throw new IllegalStateException("no encoder for " + format + " is installed");
        }
        return writer;
    }

    private static <T> T find(ImageFormat format, Function<String, Iterator<T>> lookup) {
        T found = preferTwelveMonkeys(lookup.apply(format.mediaType()));
        if (found == null) {
            // plugins on a class loader ImageIO did not scan at start-up (e.g. a fat jar): look again once
            ImageIO.scanForPlugins();
            found = preferTwelveMonkeys(lookup.apply(format.mediaType()));
        }
        return found;
    }

    private static <T> T preferTwelveMonkeys(Iterator<T> candidates) {
        T first = null;
        while (candidates.hasNext()) {
            T candidate = candidates.next();
            if (candidate.getClass().getName().startsWith("com.twelvemonkeys.")) {
                return candidate;
            }
            if (first == null) {
                first = candidate;
            }
        }
        return first;
    }
}
