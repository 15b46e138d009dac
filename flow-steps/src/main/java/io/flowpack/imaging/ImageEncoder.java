package io.flowpack.imaging;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes images as JPEG (with quality; alpha flattened on white), PNG (lossless, alpha kept) or TIFF
 * (lossless {@value #TIFF_COMPRESSION}, single or multi-page). Input of any type is first brought to 8-bit sRGB.
 * The output stream is written to but not closed.
 */
public final class ImageEncoder {
    static final String TIFF_COMPRESSION = "LZW";
    private static final int WHITE = 0xFFFFFF;

    private ImageEncoder() {
    }

    /**
     * @param quality JPEG quality from 0 (smallest) to 1 (best), clamped; ignored for the lossless PNG and TIFF
     * @throws IllegalArgumentException for a format that is not {@link ImageFormat#writable()}
     */
    public static void encode(BufferedImage image, ImageFormat format, float quality, OutputStream out) throws IOException {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(out, "out");
        if (!format.writable()) {
            throw new IllegalArgumentException(format + " cannot be written; use JPEG, PNG or TIFF");
        }
        ImageWriter writer = ImageIoPlugins.writer(format);
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            BufferedImage prepared;
            if (format == ImageFormat.JPEG) {
                prepared = Pixels.flatten(image, WHITE);
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(Float.isNaN(quality) ? 0.9f : Math.max(0f, Math.min(1f, quality)));
            } else {
                prepared = Pixels.toIntRgb(image);
                if (format == ImageFormat.TIFF) {
                    useTiffCompression(param);
                }
            }
            writer.write(null, new IIOImage(prepared, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** A multi-page TIFF, one page per image in order, each compressed losslessly. */
    public static void encodeTiffPages(List<BufferedImage> pages, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (pages == null || pages.isEmpty()) {
            throw new IllegalArgumentException("a TIFF needs at least one page");
        }
        ImageWriter writer = ImageIoPlugins.writer(ImageFormat.TIFF);
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            useTiffCompression(param);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(Pixels.toIntRgb(page), null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static void useTiffCompression(ImageWriteParam param) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(TIFF_COMPRESSION);
    }
}
