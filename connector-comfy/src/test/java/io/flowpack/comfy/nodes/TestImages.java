package io.flowpack.comfy.nodes;

import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntBinaryOperator;

/** Test pictures drawn pixel by pixel and written as real files. */
public final class TestImages {

    private TestImages() {
    }

    /** An RGB (or ARGB) image whose pixel (x, y) is {@code colour.applyAsInt(x, y)}. */
    public static BufferedImage draw(int width, int height, boolean alpha, IntBinaryOperator colour) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, colour.applyAsInt(x, y));
            }
        }
        return image;
    }

    /** A gradient that differs in every pixel: red by x, green by y, blue by both. */
    public static BufferedImage gradient(int width, int height) {
        return draw(width, height, false, (x, y) -> (x * 255 / Math.max(1, width - 1)) << 16
                | (y * 255 / Math.max(1, height - 1)) << 8 | ((x + y) * 7 & 0xff));
    }

    public static Path writePng(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            ImageEncoder.encode(image, ImageFormat.PNG, 1f, out);
        }
        return file;
    }
}
