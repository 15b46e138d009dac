package io.flowpack.bench;

import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The photos the super-resolution benchmarks run on, decoded the way the steps decode them (sRGB, oriented). */
final class BenchPhotos {
    /** A 6028×3391 camera photo from Debian's lomiri-wallpapers-20.04, as in the Lanczos benchmark. */
    static final Path WALLPAPER = Path.of("/usr/share/backgrounds/Kleiber_by_Lukas_Baubkus.jpg");
    static final Path SAMPLES = Path.of("samples");

    private BenchPhotos() {
    }

    static BufferedImage decode(Path file) throws IOException {
        return Pixels.toIntRgb(ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT));
    }

    /** The JPEG and PNG photos in {@code samples/}, sorted by name. */
    static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".jpg") || name.endsWith(".png");
            }).sorted().toList();
        }
    }

    /** A compact copy of the centred {@code width × height} part of an image. */
    static BufferedImage centre(BufferedImage image, int width, int height) {
        if (image.getWidth() < width || image.getHeight() < height) {
            throw new IllegalArgumentException("photo is " + image.getWidth() + "×" + image.getHeight()
                    + ", smaller than " + width + "×" + height);
        }
        BufferedImage crop = Pixels.create(width, height, false);
        crop.getGraphics().drawImage(image.getSubimage((image.getWidth() - width) / 2,
                (image.getHeight() - height) / 2, width, height), 0, 0, null);
        return crop;
    }

    /** Each output pixel the rounded mean of a 2×2 block, as ImageMagick's {@code -filter Box -resize 50%}. */
    static BufferedImage halveByArea(BufferedImage src) {
        int width = src.getWidth() / 2;
        int height = src.getHeight() / 2;
        int[] in = Pixels.argb(src);
        BufferedImage out = Pixels.create(width, height, false);
        int[] pixels = Pixels.argb(out);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = 2 * y * src.getWidth() + 2 * x;
                int[] block = {in[i], in[i + 1], in[i + src.getWidth()], in[i + src.getWidth() + 1]};
                int rgb = 0xff000000;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int sum = 0;
                    for (int p : block) {
                        sum += (p >> shift) & 0xff;
                    }
                    rgb |= ((sum + 2) / 4) << shift;
                }
                pixels[y * width + x] = rgb;
            }
        }
        return out;
    }
}
