package io.flowpack.bench;

import io.flowpack.upscale.LanczosResampler;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Times flowpack's Lanczos 2× against java.awt bicubic 2× on one photo, in memory (no decoding or encoding
 * inside the timing), and writes flowpack's result as PNG for {@code src-test/bench/lanczos-vs-imagemagick.sh}.
 *
 * <pre>
 * java -cp … io.flowpack.bench.LanczosBenchmark [--runs 15] [--warmup 5] [--out flowpack-x2.png] [photo.png]
 * </pre>
 *
 * Without a photo it makes a 1920×1080 one by Lanczos-resizing the largest photo in {@code samples/}, and says so.
 * Pixels are read as stored (ImageIO, no colour management), the way ImageMagick sees them.
 */
public final class LanczosBenchmark {
    private static final Path SAMPLES = Path.of("samples");

    private LanczosBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int runs = 15;
        int warmup = 5;
        Path out = Path.of("flowpack-x2.png");
        Path input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> input = Path.of(args[i]);
            }
        }
        BufferedImage photo = input != null ? rgb(read(input)) : fromSamples();
        if (input != null) {
            System.out.printf("input: %s (%d×%d)%n", input, photo.getWidth(), photo.getHeight());
        }
        int width = photo.getWidth() * 2;
        int height = photo.getHeight() * 2;
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "java %s, %d processors; %d warm-up and %d timed runs each%n",
                System.getProperty("java.version"), threads, warmup, runs);

        Supplier<BufferedImage> flowpack = () -> LanczosResampler.resize(photo, width, height);
        Supplier<BufferedImage> flowpackSingle = () -> LanczosResampler.resize(photo, width, height, false);
        Supplier<BufferedImage> bicubic = () -> bicubic(photo, width, height);
        double[] lanczos = time(flowpack, warmup, runs);
        double[] single = time(flowpackSingle, warmup, runs);
        double[] awt = time(bicubic, warmup, runs);
        report("flowpack lanczos 2x (" + threads + " threads)", lanczos);
        report("flowpack lanczos 2x (1 thread)", single);
        report("java.awt bicubic 2x", awt);
        System.out.printf(Locale.ROOT, "ratio: java.awt bicubic / flowpack lanczos = %.2f%n",
                median(awt) / median(lanczos));
        System.out.printf(Locale.ROOT, "RESULT flowpack_ms=%.1f flowpack_1thread_ms=%.1f bicubic_ms=%.1f%n",
                median(lanczos), median(single), median(awt));

        ImageIO.write(flowpack.get(), "png", out.toFile());
        System.out.println("wrote " + out.toAbsolutePath());
    }

    private static double[] time(Supplier<BufferedImage> work, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void report(String what, double[] sorted) {
        System.out.printf(Locale.ROOT, "%-36s median %8.1f ms   min %8.1f ms   max %8.1f ms%n",
                what + ":", median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    static BufferedImage bicubic(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** 1920×1080 from the largest photo in samples/: Lanczos to cover the frame, then a centre crop. */
    private static BufferedImage fromSamples() throws IOException {
        Optional<Path> largest = Optional.empty();
        long largestPixels = 0;
        if (Files.isDirectory(SAMPLES)) {
            try (Stream<Path> files = Files.list(SAMPLES)) {
                for (Path file : files.filter(LanczosBenchmark::isPhoto).sorted(Comparator.naturalOrder()).toList()) {
                    BufferedImage image = ImageIO.read(file.toFile());
                    if (image != null && (long) image.getWidth() * image.getHeight() > largestPixels) {
                        largestPixels = (long) image.getWidth() * image.getHeight();
                        largest = Optional.of(file);
                    }
                }
            }
        }
        if (largest.isEmpty()) {
            throw new IOException("no photo given and none in " + SAMPLES.toAbsolutePath()
                    + "; pass a 1920×1080 photo as argument");
        }
        BufferedImage photo = rgb(read(largest.get()));
        double scale = Math.max(1920.0 / photo.getWidth(), 1080.0 / photo.getHeight());
        int w = Math.max(1920, (int) Math.round(photo.getWidth() * scale));
        int h = Math.max(1080, (int) Math.round(photo.getHeight() * scale));
        BufferedImage cover = LanczosResampler.resize(photo, w, h);
        BufferedImage frame = rgb(cover.getSubimage((w - 1920) / 2, (h - 1080) / 2, 1920, 1080));
        System.out.printf("input: %s (%d×%d), Lanczos-resized to %d×%d and centre-cropped to 1920×1080%n",
                largest.get(), photo.getWidth(), photo.getHeight(), w, h);
        return frame;
    }

    private static boolean isPhoto(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png") || name.endsWith(".tif")
                || name.endsWith(".tiff");
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not a readable image: " + file);
        }
        return image;
    }

    private static BufferedImage rgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }
}
