package io.flowpack.bench;

import io.flowpack.camel.FlowCamel;
import io.flowpack.camel.FlowComponent;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Documents per second through {@code file → flow:convert → file} against a plain Camel {@code file → file} copy of
 * the same files, in one JVM, alternating rounds. Usage: {@code RouteOverheadBenchmark [files] [rounds] [workDir]}.
 */
public final class RouteOverheadBenchmark {

    private RouteOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("flowpack-bench");
        Path source = Files.createDirectories(work.resolve("source"));
        for (int i = 0; i < files; i++) {
            ImageIO.write(photoLike(640, 480, i), "jpg", source.resolve("img-" + i + ".jpg").toFile());
        }
        FileBlobStore blobs = new FileBlobStore(work.resolve("blobs"));
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            FlowCamel.install(context, new FlowComponent(StepRegistry.discover(), new StepEngine(blobs),
                    new DocumentIngest(blobs, 100_000_000), ImageLimits.DEFAULT));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String options = "?initialDelay=0&delay=10&maxMessagesPerPoll=0";
                    from("file:" + work.resolve("in-copy") + options).to("file:" + work.resolve("out-copy"));
                    from("file:" + work.resolve("in-flow") + options).to("flow:convert?format=jpeg&quality=0.9")
                            .to("file:" + work.resolve("out-flow"));
                }
            });
            context.start();
            System.out.printf(Locale.ROOT, "%d files of 640x480 JPEG, %d rounds%n", files, rounds);
            for (int round = 1; round <= rounds; round++) {
                double copy = run(source, work.resolve("in-copy"), work.resolve("out-copy"), files, 1);
                double flow = run(source, work.resolve("in-flow"), work.resolve("out-flow"), files, 2);
                System.out.printf(Locale.ROOT, "round %d: file->file %.1f docs/s, file->flow:convert->file %.1f docs/s,"
                        + " ratio flow/copy %.3f%n", round, copy, flow, flow / copy);
            }
        }
    }

    /** Moves the files into the inbox and waits until {@code perDocument} outputs per file are written. */
    private static double run(Path source, Path inbox, Path outbox, int files, int perDocument) throws Exception {
        clear(outbox);
        Path staging = Files.createDirectories(inbox.resolveSibling(inbox.getFileName() + "-staging"));
        clear(staging);
        try (Stream<Path> list = Files.list(source)) {
            for (Path file : list.toList()) {
                Files.copy(file, staging.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(inbox);
        long start = System.nanoTime();
        try (Stream<Path> list = Files.list(staging)) {
            for (Path file : list.toList()) {
                Files.move(file, inbox.resolve(file.getFileName()));
            }
        }
        int expected = files * perDocument;
        while (count(outbox) < expected) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
        return files / ((System.nanoTime() - start) / 1e9);
    }

    private static long count(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> !p.getFileName().toString().startsWith(".")).count();
        }
    }

    private static void clear(Path folder) throws Exception {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(folder)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static BufferedImage photoLike(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40 + seed % 100, 90, 160), width, height, new Color(230, 200, 120)));
        g.fillRect(0, 0, width, height);
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            g.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(80), 20 + random.nextInt(80));
        }
        g.dispose();
        return image;
    }
}
