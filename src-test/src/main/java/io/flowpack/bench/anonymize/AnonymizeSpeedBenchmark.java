package io.flowpack.bench.anonymize;

import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.mask.PersonMask;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * End-to-end anonymizer time, phase by phase: decode (the JPEG file), detect, mask, inpaint (PatchMatch), encode
 * (JPEG, quality 0.92, to a file). Driven by {@code src-test/bench/anonymize-speed.sh}.
 *
 * <ul>
 *   <li>{@code series DIR RUNS OUT}: every {@code *.jpg} in DIR once as warm-up, then RUNS rounds over all of
 *   them; prints each run, the median per photo and the median and per-phase medians over all runs.</li>
 *   <li>{@code once FILE OUT}: one run (for a large photo in a child JVM with a small heap), then the process's
 *   VmHWM from {@code /proc/self/status}.</li>
 * </ul>
 */
public final class AnonymizeSpeedBenchmark {
    private static final String[] PHASES = {"decode", "detect", "mask", "inpaint", "encode", "total"};

    private AnonymizeSpeedBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        AnonymizerParts parts = new AnonymizerParts();
        switch (args[0]) {
            case "series" -> series(parts, Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "once" -> {
                double[] t = anonymize(parts, Path.of(args[1]), Path.of(args[2]), true);
                print(Path.of(args[1]).getFileName().toString(), t);
                System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB, "
                        + peakResident());
            }
            default -> throw new IllegalArgumentException("mode: series or once, not " + args[0]);
        }
    }

    /** Seconds per phase and in total. */
    static double[] anonymize(AnonymizerParts parts, Path input, Path output, boolean verbose) throws IOException {
        double[] t = new double[PHASES.length];
        long start = System.nanoTime();
        long mark = start;
        BufferedImage image = Pixels.toIntRgb(ImageDecoder.decodeFirst(input, ImageLimits.DEFAULT));
        long now = System.nanoTime();
        t[0] = (now - mark) / 1e9;
        mark = now;
        List<PersonBox> people = parts.detect(image);
        now = System.nanoTime();
        t[1] = (now - mark) / 1e9;
        mark = now;
        PersonMask mask = parts.mask(image, people);
        now = System.nanoTime();
        t[2] = (now - mark) / 1e9;
        mark = now;
        BufferedImage filled = parts.inpaint(image, mask);
        now = System.nanoTime();
        t[3] = (now - mark) / 1e9;
        mark = now;
        try (OutputStream out = Files.newOutputStream(output)) {
            ImageEncoder.encode(filled, ImageFormat.JPEG, 0.92f, out);
        }
        now = System.nanoTime();
        t[4] = (now - mark) / 1e9;
        t[5] = (now - start) / 1e9;
        if (verbose) {
            System.out.printf(Locale.ROOT, "%s %dx%d: %d people, mask %.1f %%%n", input.getFileName(),
                    image.getWidth(), image.getHeight(), people.size(), mask.areaPercent());
        }
        return t;
    }

    private static void series(AnonymizerParts parts, Path dir, int runs, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> photos;
        try (Stream<Path> files = Files.list(dir)) {
            photos = files.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().toList();
        }
        System.out.println("warm-up: each photo once");
        for (Path photo : photos) {
            anonymize(parts, photo, out.resolve(photo.getFileName()), true);
        }
        List<double[]> all = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-26s %7s %7s %7s %7s %7s %7s%n", "photo / run", PHASES[0], PHASES[1],
                PHASES[2], PHASES[3], PHASES[4], PHASES[5]);
        for (Path photo : photos) {
            List<double[]> mine = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                double[] t = anonymize(parts, photo, out.resolve(photo.getFileName()), false);
                mine.add(t);
                all.add(t);
                print(photo.getFileName() + " #" + (r + 1), t);
            }
            print(photo.getFileName() + " median", medians(mine));
        }
        print("ALL median (" + all.size() + " runs)", medians(all));
    }

    private static double[] medians(List<double[]> runs) {
        double[] m = new double[PHASES.length];
        for (int k = 0; k < PHASES.length; k++) {
            int phase = k;
            double[] v = runs.stream().mapToDouble(t -> t[phase]).sorted().toArray();
            m[k] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        return m;
    }

    private static void print(String label, double[] t) {
        System.out.printf(Locale.ROOT, "%-26s %7.3f %7.3f %7.3f %7.3f %7.3f %7.3f%n", label, t[0], t[1], t[2], t[3],
                t[4], t[5]);
    }

    private static String peakResident() throws IOException {
        return Arrays.stream(Files.readString(Path.of("/proc/self/status")).split("\n"))
                .filter(l -> l.startsWith("VmHWM") || l.startsWith("VmRSS"))
                .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
