package io.flowpack.bench;

import io.flowpack.anonymizer.inpaint.HoleQuality;
import io.flowpack.anonymizer.inpaint.InpaintProgress;
import io.flowpack.anonymizer.inpaint.PatchMatchInpainter;
import io.flowpack.anonymizer.inpaint.SoftMask;
import io.flowpack.imaging.Pixels;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * PatchMatch inpainting against OpenCV's Telea on person-shaped holes in people-free photos (driven by
 * {@code src-test/bench/inpaint-vs-telea.sh}).
 *
 * <ul>
 *   <li>{@code prepare DIR PHOTO...}: for each photo (a 1920×1080 one gets the name {@code hd}) and three positions
 *   writes {@code NAME-pK-image.png} and {@code NAME-pK-mask.png} (a standing silhouette, white = hole, 55 % of
 *   the photo's height) and the PatchMatch result {@code NAME-pK-patchmatch.png} (settings: defaults, or system properties
 *   {@code patch}, {@code em}, {@code search}, {@code context}); then times PatchMatch on the
 *   first 1920×1080 case (median of RUNS after one warm-up) into {@code patchmatch-times.txt}.</li>
 *   <li>{@code score DIR METHOD...}: PSNR and SSIM inside the hole ({@link HoleQuality}) of each
 *   {@code NAME-pK-METHOD.png} against the photo, per case and as means.</li>
 * </ul>
 */
public final class InpaintBenchmark {
    private static final double[] POSITIONS = {0.2, 0.5, 0.78};

    private InpaintBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "prepare" -> prepare(dir, Arrays.copyOfRange(args, 2, args.length));
            case "score" -> score(dir, Arrays.copyOfRange(args, 2, args.length));
            default -> throw new IllegalArgumentException("mode: prepare or score, not " + args[0]);
        }
    }

    private static void prepare(Path dir, String[] photos) throws IOException {
        Files.createDirectories(dir);
        PatchMatchInpainter.Settings defaults = PatchMatchInpainter.Settings.defaults();
        PatchMatchInpainter inpainter = new PatchMatchInpainter(new PatchMatchInpainter.Settings(
                Integer.getInteger("patch", defaults.patchSize()), Integer.getInteger("em", defaults.emIterations()),
                Integer.getInteger("search", defaults.searchIterations()), Double.parseDouble(System.getProperty("context", "" + defaults.context())), defaults.seed(), 0));
        String timed = null;
        for (String photo : photos) {
            BufferedImage image = Pixels.toIntRgb(ImageIO.read(new File(photo)));
            String name = image.getWidth() == 1920 && image.getHeight() == 1080 ? "hd"
                    : Path.of(photo).getFileName().toString().replaceFirst("\\.[^.]+$", "");
            for (int k = 0; k < POSITIONS.length; k++) {
                String id = name + "-p" + k;
                BufferedImage mask = silhouette(image.getWidth(), image.getHeight(), POSITIONS[k]);
                ImageIO.write(image, "png", dir.resolve(id + "-image.png").toFile());
                ImageIO.write(mask, "png", dir.resolve(id + "-mask.png").toFile());
                BufferedImage filled = inpainter.inpaint(image, SoftMask.fromImage(mask), InpaintProgress.NONE);
                ImageIO.write(filled, "png", dir.resolve(id + "-patchmatch.png").toFile());
                if (timed == null && name.equals("hd")) {
                    timed = id;
                }
            }
        }
        if (timed != null) {
            int runs = Integer.getInteger("runs", 5);
            BufferedImage image = ImageIO.read(dir.resolve(timed + "-image.png").toFile());
            float[] mask = SoftMask.fromImage(ImageIO.read(dir.resolve(timed + "-mask.png").toFile()));
            inpainter.inpaint(image, mask, InpaintProgress.NONE);
            double[] seconds = new double[runs];
            for (int r = 0; r < runs; r++) {
                long start = System.nanoTime();
                inpainter.inpaint(image, mask, InpaintProgress.NONE);
                seconds[r] = (System.nanoTime() - start) / 1e9;
            }
            Arrays.sort(seconds);
            String line = String.format(Locale.ROOT, "%s %.3f %s%n", timed, seconds[runs / 2], Arrays.toString(seconds));
            Files.writeString(dir.resolve("patchmatch-times.txt"), line);
        }
    }

    /** A standing person: head, shoulders and torso, two legs; 55 % of the height, feet at 92 %. */
    static BufferedImage silhouette(int width, int height, double centreX) {
        double h = 0.55 * height;
        double cx = centreX * width;
        double top = 0.92 * height - h;
        Area person = new Area(new Ellipse2D.Double(cx - 0.07 * h, top, 0.14 * h, 0.17 * h));
        person.add(new Area(new RoundRectangle2D.Double(cx - 0.14 * h, top + 0.16 * h, 0.28 * h, 0.42 * h,
                0.1 * h, 0.1 * h)));
        person.add(new Area(new RoundRectangle2D.Double(cx - 0.12 * h, top + 0.52 * h, 0.11 * h, 0.48 * h,
                0.04 * h, 0.04 * h)));
        person.add(new Area(new RoundRectangle2D.Double(cx + 0.01 * h, top + 0.52 * h, 0.11 * h, 0.48 * h,
                0.04 * h, 0.04 * h)));
        BufferedImage mask = Pixels.create(width, height, false);
        Graphics2D g = mask.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(java.awt.Color.WHITE);
            g.fill(person);
        } finally {
            g.dispose();
        }
        return mask;
    }

    private static void score(Path dir, String[] methods) throws IOException {
        List<String> ids = new ArrayList<>();
        try (var files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-mask.png"))
                    .map(n -> n.substring(0, n.length() - "-mask.png".length())).sorted().forEach(ids::add);
        }
        double[][] sums = new double[methods.length][2];
        System.out.printf(Locale.ROOT, "%-14s %6s", "case", "hole%");
        for (String m : methods) {
            System.out.printf(Locale.ROOT, " %12s %12s", m + " PSNR", m + " SSIM");
        }
        System.out.println();
        for (String id : ids) {
            BufferedImage image = Pixels.toIntRgb(ImageIO.read(dir.resolve(id + "-image.png").toFile()));
            float[] mask = SoftMask.fromImage(ImageIO.read(dir.resolve(id + "-mask.png").toFile()));
            int w = image.getWidth();
            int h = image.getHeight();
            int holes = 0;
            for (float v : mask) {
                holes += v >= SoftMask.FILL ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%-14s %6.1f", id, 100.0 * holes / mask.length);
            int[] truth = Pixels.argb(image);
            for (int k = 0; k < methods.length; k++) {
                int[] result = Pixels.argb(Pixels.toIntRgb(ImageIO.read(
                        dir.resolve(id + "-" + methods[k] + ".png").toFile())));
                double psnr = HoleQuality.psnr(truth, result, mask);
                double ssim = HoleQuality.ssim(truth, result, mask, w, h);
                sums[k][0] += psnr;
                sums[k][1] += ssim;
                System.out.printf(Locale.ROOT, " %12.2f %12.4f", psnr, ssim);
            }
            System.out.println();
        }
        System.out.printf(Locale.ROOT, "%-14s %6s", "mean", "");
        for (double[] sum : sums) {
            System.out.printf(Locale.ROOT, " %12.2f %12.4f", sum[0] / ids.size(), sum[1] / ids.size());
        }
        System.out.println();
    }
}
