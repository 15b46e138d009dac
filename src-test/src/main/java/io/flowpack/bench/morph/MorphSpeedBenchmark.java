package io.flowpack.bench.morph;

import io.flowpack.document.Document;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.imaging.Pixels;
import io.flowpack.morph.MorphStep;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Morph speed, end to end through the step (decode keyframes, optical flow, warping, H.264 encoding into the blob
 * store): 210 frames at 640×360, 8 fps, from 7 keyframes.
 *
 * <pre>
 * java … MorphSpeedBenchmark keyframes &lt;dir&gt; &lt;photo&gt;…    7 keyframes k1.png … k7.png, 640×360 (cover + crop)
 * java … MorphSpeedBenchmark camera &lt;dir&gt; &lt;photo&gt;        7 keyframes of one pan + zoom over the photo
 * java … MorphSpeedBenchmark run &lt;dir&gt; &lt;out&gt; &lt;runs&gt; [method]   seconds per run after one warm-up, median
 * java … MorphSpeedBenchmark once &lt;dir&gt; &lt;out&gt; [method]          one cold run (the script times the JVM)
 * </pre>
 */
public final class MorphSpeedBenchmark {
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FRAMES = 210;
    static final int FPS = 8;

    private MorphSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("keyframes")) {
            keyframes(Path.of(args[1]), Arrays.stream(args, 2, args.length).map(Path::of).toList());
        } else if (args[0].equals("camera")) {
            camera(Path.of(args[1]), Path.of(args[2]));
        } else if (args[0].equals("once")) {
            once(Path.of(args[1]), Path.of(args[2]), args.length > 3 ? args[3] : "flow");
        } else {
            run(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), args.length > 4 ? args[4] : "flow");
        }
    }

    static void keyframes(Path dir, List<Path> photos) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < photos.size(); i++) {
            BufferedImage photo = Pixels.toIntRgb(ImageDecoder.decodeFirst(photos.get(i), ImageLimits.DEFAULT));
            ImageIO.write(cover(photo, WIDTH, HEIGHT), "png", dir.resolve("k" + (i + 1) + ".png").toFile());
        }
    }

    /**
     * 7 keyframes of one camera move over one photo (every view inside it): the view pans across it and zooms in by
     * 15 %, so neighbouring keyframes are related (20–30 px apart) and the flow morph, not its cross-fade fallback,
     * is measured.
     */
    static void camera(Path dir, Path photo) throws IOException {
        Files.createDirectories(dir);
        BufferedImage image = Pixels.toIntRgb(ImageDecoder.decodeFirst(photo, ImageLimits.DEFAULT));
        double fit = Math.min((double) image.getWidth() / WIDTH, (double) image.getHeight() / HEIGHT);
        for (int i = 0; i < 7; i++) {
            double scale = fit * (0.8 - 0.12 * i / 6.0);
            double cx = image.getWidth() * (0.42 + 0.16 * i / 6.0);
            double cy = image.getHeight() * (0.45 + 0.1 * i / 6.0);
            BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = frame.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            java.awt.geom.AffineTransform t = new java.awt.geom.AffineTransform();
            t.translate(WIDTH / 2.0, HEIGHT / 2.0);
            t.scale(1 / scale, 1 / scale);
            t.translate(-cx, -cy);
            g.drawImage(image, t, null);
            g.dispose();
            ImageIO.write(frame, "png", dir.resolve("k" + (i + 1) + ".png").toFile());
        }
    }

    /** One cold run, as the command line does it: the script times the whole JVM. */
    static void once(Path keyframes, Path out, String method) throws Exception {
        Files.createDirectories(out);
        Path work = Files.createTempDirectory(out, "once");
        Document doc = document(keyframes, new FileBlobStore(work));
        new StepEngine(new FileBlobStore(work)).run(doc, new MorphStep(), Map.of("fps", FPS, "frames", FRAMES,
                "width", WIDTH, "height", HEIGHT, "method", method), RunOptions.DEFAULT);
        try (Stream<Path> walk = Files.walk(work)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Document document(Path keyframes, FileBlobStore blobs) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(keyframes)) {
            files = list.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        DocumentIngest ingest = new DocumentIngest(blobs, ImageLimits.DEFAULT.maxBytes());
        List<Part> parts = new ArrayList<>();
        for (Path file : files) {
            parts.addAll(ingest.fromFile(file, file.getFileName().toString()).parts());
        }
        return Document.of("keyframes", parts.toArray(Part[]::new));
    }

    static void run(Path keyframes, Path out, int runs, String method) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(keyframes)) {
            files = list.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        Files.createDirectories(out);
        MorphStep step = new MorphStep();
        double[] seconds = new double[runs];
        double[] cpu = new double[runs];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long size = 0;
        for (int run = -1; run < runs; run++) {
            Path work = Files.createTempDirectory(out, "run");
            FileBlobStore blobs = new FileBlobStore(work);
            Document doc = document(keyframes, blobs);
            long start = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            new StepEngine(blobs).run(doc, step, Map.of("fps", FPS, "frames", FRAMES, "width", WIDTH,
                    "height", HEIGHT, "method", method), RunOptions.DEFAULT);
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
            Part video = doc.baseParts().get(0);
            size = Files.size(blobs.localPath(video.blob()).orElseThrow());
            Files.copy(blobs.localPath(video.blob()).orElseThrow(), out.resolve("flowpack-" + method + ".mp4"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> walk = Files.walk(work)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            if (run >= 0) {
                seconds[run] = elapsed;
                cpu[run] = cpuSeconds;
            }
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        double median = seconds[runs / 2];
        System.out.printf(Locale.ROOT, "flowpack morph method=%s: %d keyframes → %d frames %d×%d @ %d fps, "
                        + "wall median %.2f s of %d runs (min %.2f, max %.2f), CPU median %.2f s, %.1f frames/s, "
                        + "%d bytes%n", method, files.size(), FRAMES, WIDTH, HEIGHT, FPS, median, runs, seconds[0],
                seconds[runs - 1], cpu[runs / 2], FRAMES / median, size);
    }

    /** Scales until the image covers the frame (bicubic), then cuts out the centre. */
    static BufferedImage cover(BufferedImage photo, int width, int height) {
        double scale = Math.max((double) width / photo.getWidth(), (double) height / photo.getHeight());
        int w = (int) Math.ceil(photo.getWidth() * scale);
        int h = (int) Math.ceil(photo.getHeight() * scale);
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(photo, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        return frame;
    }
}
