package io.flowpack.comfy.runner;

import io.flowpack.imaging.ImageLimits;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/** Decoding with a pixel limit checked from the header, and the re-encodings {@code /view} and uploads need. */
final class ImageFiles {

    private ImageFiles() {
    }

    static BufferedImage read(Path file, ImageLimits limits) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limits);
        }
    }

    /** Decodes an image; refuses unknown formats and images over the pixel limit before decoding them. */
    static BufferedImage read(InputStream in, ImageLimits limits) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = stream == null ? null : ImageIO.getImageReaders(stream);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > limits.maxPixels()) {
                    throw new IOException("image of " + pixels + " pixels is over the limit of " + limits.maxPixels());
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        BufferedImage rgb = withoutAlpha(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.max(1, Math.min(100, quality)) / 100f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    static BufferedImage withoutAlpha(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                rgb.setRGB(x, y, image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return rgb;
    }

    /** ComfyUI's {@code channel=a}: the alpha channel kept, colour set to black. */
    static BufferedImage alphaOnly(BufferedImage image) {
        BufferedImage alpha = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                alpha.setRGB(x, y, image.getRGB(x, y) & 0xFF000000);
            }
        }
        return alpha;
    }

    /** The original in RGBA with the alpha channel of the mask (ComfyUI's {@code /upload/mask}). */
    static BufferedImage withAlphaOf(BufferedImage original, BufferedImage mask) {
        BufferedImage merged = new BufferedImage(original.getWidth(), original.getHeight(), BufferedImage.TYPE_INT_ARGB);
        boolean maskHasAlpha = mask.getColorModel().hasAlpha();
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                int alpha = 255;
                if (x < mask.getWidth() && y < mask.getHeight()) {
                    alpha = maskHasAlpha ? mask.getRGB(x, y) >>> 24 : 255;
                }
                merged.setRGB(x, y, (alpha << 24) | (original.getRGB(x, y) & 0xFFFFFF));
            }
        }
        return merged;
    }
}
