package io.flowpack.bench;

import io.flowpack.camel.FlowCamel;
import io.flowpack.camel.FlowComponent;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Documents per second through {@code file → flow:convert → file} against a plain Camel {@code file → file} copy of
 * the same files, in one JVM, alternating rounds. Usage: {@code RouteOverheadBenchmark [files] [rounds] [workDir]}.
 */
public final class RouteOverheadBenchmark {

    private RouteOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
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
                    from("file:" + work.resolve("in-copy") + options).routeId("copy").to("file:" + work.resolve("out-copy"));
                    from("file:" + work.resolve("in-flow") + options).routeId("flow").to("flow:convert?format=jpeg&quality=0.9")
                            .to("file:" + work.resolve("out-flow"));
                }
            });
            context.start();
            System.out.printf(Locale.ROOT, "%d files of 640x480 JPEG, %d rounds%n", files, rounds);
            for (int round = 1; round <= rounds; round++) {
                double copy = run(context, "copy", source, work.resolve("in-copy"), work.resolve("out-copy"), files);
                double flow = run(context, "flow", source, work.resolve("in-flow"), work.resolve("out-flow"), files);
                double bare = convertInALoop(source, work.resolve("out-loop"));
                double overheadMillis = (1 / flow - 1 / bare) * 1000;
                System.out.printf(Locale.ROOT, "round %d: file->file %.1f docs/s | file->flow:convert->file %.1f docs/s"
                        + " | same decode+encode in a plain loop %.1f docs/s | flow/copy %.3f, flow/loop %.3f,"
                        + " route+document+audit overhead %.2f ms/doc%n",
                        round, copy, flow, bare, flow / copy, flow / bare, overheadMillis);
            }
        }
    }

    /** The convert step's work without Camel, blob store or audit: decode and encode each file, one thread. */
    private static double convertInALoop(Path source, Path out) throws Exception {
        clear(out);
        Files.createDirectories(out);
        List<Path> inputs;
        try (Stream<Path> list = Files.list(source)) {
            inputs = list.sorted().toList();
        }
        long start = System.nanoTime();
        for (Path input : inputs) {
            BufferedImage image = ImageDecoder.decodeFirst(input, ImageLimits.DEFAULT);
            try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out.resolve(input.getFileName())))) {
                ImageEncoder.encode(image, ImageFormat.JPEG, 0.9f, stream);
            }
        }
        return inputs.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** Moves the files into the inbox and waits until the route has completed every one of them. */
    private static double run(CamelContext context, String route, Path source, Path inbox, Path outbox, int files)
            throws Exception {
        clear(outbox);
        Path staging = Files.createDirectories(inbox.resolveSibling(inbox.getFileName() + "-staging"));
        clear(staging);
        try (Stream<Path> list = Files.list(source)) {
            for (Path file : list.toList()) {
                Files.copy(file, staging.resolve(file.getFileName()));
            }
        }
        Files.createDirectories(inbox);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute(route).whenCompleted(files).create();
        long start = System.nanoTime();
        try (Stream<Path> list = Files.list(staging)) {
            for (Path file : list.toList()) {
                Files.move(file, inbox.resolve(file.getFileName()));
            }
        }
        if (!done.matches(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("route " + route + " did not complete " + files + " files");
        }
        return files / ((System.nanoTime() - start) / 1e9);
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
