package io.flowpack.anonymizer.detect;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recall (IoU 0.5) and false positives of the default detector on a {@code SyntheticPeopleSet} folder
 * ({@code truth.tsv} + {@code ID-image.png}, as written by {@code src-test/bench/anonymize-quality.sh}), plus the
 * people-free samples. Detection only, no inpainting: {@code java ... DetectRecallMain DIR}.
 */
public final class DetectRecallMain {
    private DetectRecallMain() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        PersonDetector detector = NanoDetPersonDetector.standard();
        int truths = 0, found = 0, extra = 0;
        for (String line : Files.readAllLines(dir.resolve("truth.tsv"))) {
            String[] f = line.split("\t");
            List<PersonBox> truth = new ArrayList<>();
            for (String part : f[2].split(";")) {
                String[] v = part.split(",");
                truth.add(new PersonBox(Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2]),
                        Double.parseDouble(v[3]), 1, "truth", ""));
            }
            BufferedImage image = ImageIO.read(dir.resolve(f[0] + "-image.png").toFile());
            List<PersonBox> people = detector.detect(image);
            StringBuilder s = new StringBuilder();
            for (PersonBox t : truth) {
                double best = people.stream().mapToDouble(t::iou).max().orElse(0);
                truths++;
                if (best >= 0.5) {
                    found++;
                }
                s.append(String.format(Locale.ROOT, " %.2f", best));
            }
            long fp = people.stream().filter(p -> truth.stream().noneMatch(t -> t.iou(p) >= 0.5)).count();
            extra += fp;
            System.out.printf(Locale.ROOT, "%-36s iou%s fp %d %s%n", f[0], s, fp, people.stream()
                    .map(p -> String.format(Locale.ROOT, "[%.0f,%.0f,%.0f,%.0f %.2f]", p.x(), p.y(), p.width(),
                            p.height(), p.score())).toList());
        }
        int bgFp = 0;
        for (String photo : new String[]{"coffee.jpg", "rocket.jpg", "chelsea.jpg"}) {
            List<PersonBox> people = detector.detect(SamplePhotos.photo(photo));
            bgFp += people.size();
            System.out.println(photo + " " + people);
        }
        try (var files = Files.list(dir)) {
            for (Path bg : files.filter(x -> x.getFileName().toString().startsWith("bg-")).sorted().toList()) {
                List<PersonBox> people = detector.detect(ImageIO.read(bg.toFile()));
                bgFp += people.size();
                System.out.println(bg.getFileName() + " " + people);
            }
        }
        System.out.printf(Locale.ROOT, "RECALL %d/%d = %.3f, fp on composites %d, fp on people-free samples %d%n",
                found, truths, (double) found / truths, extra, bgFp);
    }
}
