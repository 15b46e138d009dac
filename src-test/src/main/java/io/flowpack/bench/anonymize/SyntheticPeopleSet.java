package io.flowpack.bench.anonymize;

import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.imaging.Pixels;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Generates a synthetic set for the anonymizer benchmarks: person cut-outs ({@link PersonCutout}) from photos of
 * people, pasted with their soft alpha at seeded random positions and scales (person height 25–70 % of the
 * background's) onto photos without people.
 *
 * <p>{@code java ... SyntheticPeopleSet OUT key=value...} with keys {@code people} and {@code backgrounds}
 * (comma-separated files), {@code per-background} (composites per background, 9), {@code max-people} (1..3, 2),
 * {@code seed} (1), {@code size} ({@code WxH}: scale and centre-crop every background to it; default: keep the
 * background, downscaled to 1920 px on the long edge) and {@code jpeg} (also write {@code ID.jpg}, quality 0.92).
 *
 * <p>Writes {@code bg-NAME.png} (the person-free background as used), per composite {@code ID-image.png} and
 * {@code ID-hole.png} (white where the pasted alpha is above 0.05), and {@code truth.tsv}: id, background file,
 * person boxes (bounding box of alpha above 0.5) as {@code x,y,w,h;...}.
 */
public final class SyntheticPeopleSet {
    static final int LONG_EDGE = 1920;
    static final double MIN_HEIGHT = 0.25;
    static final double MAX_HEIGHT = 0.70;
    private static final int HOLE_ALPHA = 13;   // > 0.05
    private static final int BOX_ALPHA = 128;   // > 0.5

    private SyntheticPeopleSet() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        Files.createDirectories(out);
        AnonymizerParts parts = new AnonymizerParts();
        List<BufferedImage> cutouts = new ArrayList<>();
        for (String person : options.get("people").split(",")) {
            BufferedImage cutout = PersonCutout.cut(decode(Path.of(person)), parts);
            cutouts.add(cutout);
            ImageIO.write(cutout, "png", out.resolve("cutout-" + stem(Path.of(person)) + ".png").toFile());
        }
        Random random = new Random(Long.parseLong(options.getOrDefault("seed", "1")));
        int perBackground = Integer.parseInt(options.getOrDefault("per-background", "9"));
        int maxPeople = Integer.parseInt(options.getOrDefault("max-people", "2"));
        boolean jpeg = Boolean.parseBoolean(options.getOrDefault("jpeg", "false"));
        String size = options.get("size");
        StringBuilder truth = new StringBuilder();
        for (String file : options.get("backgrounds").split(",")) {
            BufferedImage background = background(decode(Path.of(file)), size);
            String name = stem(Path.of(file)) + (size == null ? "" : "-" + size);
            String bgFile = "bg-" + name + ".png";
            ImageIO.write(background, "png", out.resolve(bgFile).toFile());
            for (int k = 0; k < perBackground; k++) {
                String id = String.format(Locale.ROOT, "%s-%02d", name, k);
                int people = 1 + random.nextInt(maxPeople);
                BufferedImage composite = Pixels.toIntRgb(background);
                composite = copy(composite);
                byte[] hole = new byte[composite.getWidth() * composite.getHeight()];
                List<TruthBox> boxes = new ArrayList<>();
                for (int p = 0; p < people; p++) {
                    TruthBox box = paste(composite, hole, cutouts.get(random.nextInt(cutouts.size())), boxes, random);
                    if (box != null) {
                        boxes.add(box);
                    }
                }
                ImageIO.write(composite, "png", out.resolve(id + "-image.png").toFile());
                ImageIO.write(holeImage(hole, composite.getWidth(), composite.getHeight()), "png",
                        out.resolve(id + "-hole.png").toFile());
                if (jpeg) {
                    try (OutputStream o = Files.newOutputStream(out.resolve(id + ".jpg"))) {
                        ImageEncoder.encode(composite, ImageFormat.JPEG, 0.92f, o);
                    }
                }
                truth.append(id).append('\t').append(bgFile).append('\t')
                        .append(String.join(";", boxes.stream().map(TruthBox::format).toList())).append('\n');
            }
        }
        Files.writeString(out.resolve("truth.tsv"), truth);
        System.out.println("wrote " + truth.toString().lines().count() + " composites to " + out);
    }

    static BufferedImage decode(Path file) throws IOException {
        return Pixels.toIntRgb(ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT));
    }

    private static BufferedImage background(BufferedImage image, String size) {
        if (size != null) {
            String[] wh = size.split("x");
            return Resample.cover(image, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        }
        int longEdge = Math.max(image.getWidth(), image.getHeight());
        if (longEdge <= LONG_EDGE) {
            return image;
        }
        double f = (double) LONG_EDGE / longEdge;
        return Resample.scale(image, (int) Math.round(image.getWidth() * f), (int) Math.round(image.getHeight() * f));
    }

    /** Pastes a scaled cut-out where it overlaps no earlier person; null when no such place was found. */
    private static TruthBox paste(BufferedImage target, byte[] hole, BufferedImage cutout, List<TruthBox> taken,
                                  Random random) {
        int bw = target.getWidth();
        int bh = target.getHeight();
        double fraction = MIN_HEIGHT + (MAX_HEIGHT - MIN_HEIGHT) * random.nextDouble();
        int h = (int) Math.round(fraction * bh);
        int w = (int) Math.round((double) cutout.getWidth() * h / cutout.getHeight());
        if (w > 0.9 * bw) {
            w = (int) (0.9 * bw);
            h = (int) Math.round((double) cutout.getHeight() * w / cutout.getWidth());
        }
        BufferedImage scaled = Resample.scale(cutout, w, h);
        for (int attempt = 0; attempt < 50; attempt++) {
            int x = random.nextInt(bw - w + 1);
            int y = random.nextInt(bh - h + 1);
            TruthBox box = alphaBox(scaled, x, y);
            if (taken.stream().anyMatch(t -> t.asPersonBox().intersection(box.asPersonBox()) > 0)) {
                continue;
            }
            Graphics2D g = target.createGraphics();
            try {
                g.setComposite(AlphaComposite.SrcOver);
                g.drawImage(scaled, x, y, null);
            } finally {
                g.dispose();
            }
            for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                    if ((scaled.getRGB(i, j) >>> 24) > HOLE_ALPHA) {
                        hole[(y + j) * bw + x + i] = (byte) 255;
                    }
                }
            }
            return box;
        }
        return null;
    }

    private static TruthBox alphaBox(BufferedImage scaled, int x, int y) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        for (int j = 0; j < scaled.getHeight(); j++) {
            for (int i = 0; i < scaled.getWidth(); i++) {
                if ((scaled.getRGB(i, j) >>> 24) > BOX_ALPHA) {
                    minX = Math.min(minX, i);
                    maxX = Math.max(maxX, i);
                    minY = Math.min(minY, j);
                    maxY = Math.max(maxY, j);
                }
            }
        }
        return new TruthBox(x + minX, y + minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static BufferedImage copy(BufferedImage rgb) {
        BufferedImage out = Pixels.create(rgb.getWidth(), rgb.getHeight(), false);
        out.getGraphics().drawImage(rgb, 0, 0, null);
        return out;
    }

    static BufferedImage holeImage(byte[] hole, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, width, height, hole);
        return image;
    }

    static String stem(Path file) {
        return file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
    }
}
