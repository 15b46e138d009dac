package io.flowpack.bench.anonymize;

import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.mask.PersonMask;
import io.flowpack.imaging.Pixels;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Anonymizer quality on a {@link SyntheticPeopleSet} folder (driven by {@code src-test/bench/anonymize-quality.sh}).
 *
 * <ul>
 *   <li>{@code run DIR}: per composite detect (default settings), build the mask and fill it with PatchMatch;
 *   writes {@code ID-mask.png} (the anonymizer's mask binarised at 0.5: what Telea gets), {@code ID-patchmatch.png}
 *   and {@code detections.tsv}; detects on each person-free background too ({@code background-detections.tsv}).</li>
 *   <li>{@code score DIR METHOD...}: recall at IoU 0.5, false positives, the residual-person rate of each method's
 *   output (a detection above threshold overlapping a truth box at IoU ≥ 0.3), and PSNR / SSIM inside the hole
 *   (truth hole ∪ anonymizer mask) against the person-free background, per composite and as means.</li>
 * </ul>
 */
public final class AnonymizeQualityBenchmark {
    static final double RECALL_IOU = 0.5;
    static final double RESIDUAL_IOU = 0.3;

    private AnonymizeQualityBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "run" -> run(dir);
            case "score" -> score(dir, List.of(args).subList(2, args.length));
            default -> throw new IllegalArgumentException("mode: run or score, not " + args[0]);
        }
    }

    private record Case(String id, String background, List<TruthBox> truth) {
    }

    private static List<Case> cases(Path dir) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("truth.tsv"))) {
            String[] f = line.split("\t");
            cases.add(new Case(f[0], f[1], TruthBox.parseAll(f[2])));
        }
        return cases;
    }

    private static void run(Path dir) throws IOException {
        AnonymizerParts parts = new AnonymizerParts();
        List<Case> cases = cases(dir);
        StringBuilder backgrounds = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (Case c : cases) {
            if (seen.add(c.background())) {
                List<PersonBox> found = parts.detect(read(dir.resolve(c.background())));
                backgrounds.append(c.background()).append('\t').append(found.size()).append('\t')
                        .append(format(found)).append('\n');
            }
        }
        Files.writeString(dir.resolve("background-detections.tsv"), backgrounds);
        StringBuilder detections = new StringBuilder();
        for (Case c : cases) {
            BufferedImage image = read(dir.resolve(c.id() + "-image.png"));
            long start = System.nanoTime();
            List<PersonBox> people = parts.detect(image);
            PersonMask mask = parts.mask(image, people);
            BufferedImage filled = parts.inpaint(image, mask);
            double seconds = (System.nanoTime() - start) / 1e9;
            ImageIO.write(filled, "png", dir.resolve(c.id() + "-patchmatch.png").toFile());
            byte[] binary = new byte[mask.alpha().length];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (mask.alpha()[i] & 0xff) >= 128 ? (byte) 255 : 0;
            }
            ImageIO.write(SyntheticPeopleSet.holeImage(binary, mask.width(), mask.height()), "png",
                    dir.resolve(c.id() + "-mask.png").toFile());
            detections.append(c.id()).append('\t').append(format(people)).append('\n');
            System.out.printf(Locale.ROOT, "%s %dx%d: %d people found, mask %.1f %%, %.2f s%n", c.id(),
                    image.getWidth(), image.getHeight(), people.size(), mask.areaPercent(), seconds);
        }
        Files.writeString(dir.resolve("detections.tsv"), detections);
    }

    private static void score(Path dir, List<String> methods) throws IOException {
        AnonymizerParts parts = new AnonymizerParts();
        List<Case> cases = cases(dir);
        List<String> detectionLines = Files.readAllLines(dir.resolve("detections.tsv"));
        int truths = 0, found = 0, extra = 0;
        int[] residual = new int[methods.size()];
        double[][] sums = new double[methods.size()][2];
        int pmWins = 0;
        System.out.printf(Locale.ROOT, "%-22s %5s %5s %6s", "composite", "truth", "found", "hole%");
        for (String m : methods) {
            System.out.printf(Locale.ROOT, " %10s %10s %4s", m + "-PSNR", m + "-SSIM", "res");
        }
        System.out.println();
        for (int n = 0; n < cases.size(); n++) {
            Case c = cases.get(n);
            String[] f = detectionLines.get(n).split("\t", -1);
            if (!f[0].equals(c.id())) {
                throw new IllegalStateException("detections.tsv out of order at " + c.id());
            }
            List<PersonBox> people = parse(f.length > 1 ? f[1] : "");
            int matched = 0;
            for (TruthBox t : c.truth()) {
                if (people.stream().anyMatch(p -> t.iou(p) >= RECALL_IOU)) {
                    matched++;
                }
            }
            for (PersonBox p : people) {
                if (c.truth().stream().noneMatch(t -> t.iou(p) >= RECALL_IOU)) {
                    extra++;
                }
            }
            truths += c.truth().size();
            found += matched;
            BufferedImage original = read(dir.resolve(c.background()));
            int w = original.getWidth();
            int h = original.getHeight();
            int[] truthPixels = Pixels.argb(original);
            int[] holePixels = Pixels.argb(read(dir.resolve(c.id() + "-hole.png")));
            int[] maskPixels = Pixels.argb(read(dir.resolve(c.id() + "-mask.png")));
            boolean[] hole = new boolean[w * h];
            int holeCount = 0;
            for (int i = 0; i < hole.length; i++) {
                hole[i] = (holePixels[i] & 0xff) >= 128 || (maskPixels[i] & 0xff) >= 128;
                holeCount += hole[i] ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%-22s %5d %5d %6.1f", c.id(), c.truth().size(), matched,
                    100.0 * holeCount / hole.length);
            double[] ssims = new double[methods.size()];
            for (int k = 0; k < methods.size(); k++) {
                BufferedImage result = read(dir.resolve(c.id() + "-" + methods.get(k) + ".png"));
                int[] resultPixels = Pixels.argb(result);
                double psnr = HoleMetrics.psnr(truthPixels, resultPixels, hole);
                double ssim = HoleMetrics.ssim(truthPixels, resultPixels, hole, w, h);
                ssims[k] = ssim;
                List<PersonBox> again = parts.detect(result);
                boolean left = c.truth().stream().anyMatch(t -> again.stream().anyMatch(p -> t.iou(p) >= RESIDUAL_IOU));
                residual[k] += left ? 1 : 0;
                sums[k][0] += psnr;
                sums[k][1] += ssim;
                System.out.printf(Locale.ROOT, " %10.2f %10.4f %4s", psnr, ssim, left ? "yes" : "-");
            }
            if (methods.size() >= 2 && ssims[0] > ssims[1]) {
                pmWins++;
            }
            System.out.println();
        }
        int falsePositives = 0;
        List<String> bgLines = Files.readAllLines(dir.resolve("background-detections.tsv"));
        for (String line : bgLines) {
            falsePositives += Integer.parseInt(line.split("\t")[1]);
        }
        System.out.printf(Locale.ROOT, "%-22s %5s %5s %6s", "mean", "", "", "");
        for (double[] sum : sums) {
            System.out.printf(Locale.ROOT, " %10.2f %10.4f %4s", sum[0] / cases.size(), sum[1] / cases.size(), "");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "composites: %d, people: %d%n", cases.size(), truths);
        System.out.printf(Locale.ROOT, "detection recall at IoU %.1f: %d / %d = %.3f%n", RECALL_IOU, found, truths,
                (double) found / truths);
        System.out.printf(Locale.ROOT, "detections matching no person on the composites: %d (%.2f per composite)%n",
                extra, (double) extra / cases.size());
        System.out.printf(Locale.ROOT, "false positives on the %d person-free backgrounds: %d (%.2f per image)%n",
                bgLines.size(), falsePositives, (double) falsePositives / bgLines.size());
        for (int k = 0; k < methods.size(); k++) {
            System.out.printf(Locale.ROOT, "residual-person rate, %s output (IoU ≥ %.1f with a truth box): %d / %d = %.3f%n",
                    methods.get(k), RESIDUAL_IOU, residual[k], cases.size(), (double) residual[k] / cases.size());
        }
        if (methods.size() >= 2) {
            System.out.printf(Locale.ROOT, "%s SSIM above %s SSIM in %d of %d composites%n", methods.get(0),
                    methods.get(1), pmWins, cases.size());
        }
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException("not an image: " + file);
        }
        return Pixels.toIntRgb(image);
    }

    private static String format(List<PersonBox> people) {
        return String.join(";", people.stream().map(p -> String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%.3f",
                p.x(), p.y(), p.width(), p.height(), p.score())).toList());
    }

    private static List<PersonBox> parse(String text) {
        List<PersonBox> people = new ArrayList<>();
        if (text.isBlank()) {
            return people;
        }
        for (String part : text.split(";")) {
            String[] v = part.split(",");
            people.add(new PersonBox(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                    Double.parseDouble(v[3]), Double.parseDouble(v[4]), "nanodet", ""));
        }
        return people;
    }
}
