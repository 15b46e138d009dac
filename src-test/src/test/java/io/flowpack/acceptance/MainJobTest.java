package io.flowpack.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.anonymizer.detect.NanoDetPersonDetector;
import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.deploy.cli.RunCommand;
import io.flowpack.document.DocumentJson;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.imaging.Pixels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's main command, as a new user runs it: the real-estate route on {@code samples/}. The people are gone
 * (the detector finds nobody where they stood), the brick wall behind the visitor is filled with wall texture rather
 * than a smear, and the people-free photos keep every pixel.
 */
class MainJobTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final Path ROUTE = Path.of("..", "deploy", "routes", "real-estate-anonymize.yaml");
    private static final List<String> WITH_PEOPLE = List.of("visitor-brick-wall", "astronaut-launch-site", "camera");
    private static final List<String> WITHOUT_PEOPLE = List.of("coffee.jpg", "chelsea.jpg", "rocket.jpg");

    @TempDir
    static Path out;
    private static String console;
    private static int exitCode;

    @BeforeAll
    static void runTheMainCommand() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            exitCode = RunCommand.execute(new String[]{ROUTE.toString(), SAMPLES.toString(), "--out",
                    out.toString()});
        } finally {
            System.setErr(original);
        }
        console = err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everySampleIsDoneAndNoneFails() {
        assertThat(exitCode).as(console).isZero();
        assertThat(console).contains("done: 6, failed: 0");
    }

    @Test
    void theDetectorFindsNobodyWherePeopleStood() throws Exception {
        NanoDetPersonDetector detector = NanoDetPersonDetector.standard();
        for (String name : WITH_PEOPLE) {
            JsonNode audit = DocumentJson.mapper().readTree(out.resolve(name + ".anonymize.json").toFile());
            assertThat(audit.path("detections").size()).as(name + " detections").isPositive();
            BufferedImage result = decode(out.resolve(resultName(name)));
            for (PersonBox after : detector.detect(result)) {
                for (JsonNode before : audit.path("detections")) {
                    JsonNode box = before.path("box");
                    PersonBox removed = new PersonBox(box.path("x").asDouble(), box.path("y").asDouble(),
                            box.path("width").asDouble(), box.path("height").asDouble(), 1, "truth", "");
                    assertThat(after.iou(removed)).as("%s: a person (score %.2f) is still where one was removed",
                            name, after.score()).isLessThan(0.3);
                }
            }
        }
    }

    @Test
    void theWallBehindTheVisitorKeepsItsTextureInsteadOfASmear() throws Exception {
        JsonNode audit = DocumentJson.mapper().readTree(out.resolve("visitor-brick-wall.anonymize.json").toFile());
        JsonNode box = audit.path("detections").get(0).path("box");
        BufferedImage result = decode(out.resolve("visitor-brick-wall-anonymized.jpg"));
        int x = (int) box.path("x").asDouble();
        int w = (int) box.path("width").asDouble();
        int y = (int) box.path("y").asDouble();
        int h = result.getHeight() - y;
        // the middle of the removed person against an equally large piece of bare wall left of it
        double filled = lumaDeviation(result, x + w / 4, y + h / 4, w / 2, h / 2);
        double wall = lumaDeviation(result, 20, y + h / 4, w / 2, h / 2);
        assertThat(filled).as("luma deviation in the fill %.1f vs bare wall %.1f", filled, wall)
                .isGreaterThan(0.6 * wall);
    }

    @Test
    void photosWithoutPeopleKeepEveryPixel() throws Exception {
        for (String name : WITHOUT_PEOPLE) {
            int[] before = Pixels.argb(decode(SAMPLES.resolve(name)));
            int[] after = Pixels.argb(decode(out.resolve(name.replace(".jpg", "-anonymized.jpg"))));
            assertThat(Arrays.equals(before, after)).as(name).isTrue();
        }
    }

    private static String resultName(String name) {
        return name.equals("camera") ? "camera-anonymized.png" : name + "-anonymized.jpg";
    }

    private static BufferedImage decode(Path file) throws Exception {
        return Pixels.toIntRgb(ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT));
    }

    private static double lumaDeviation(BufferedImage image, int x0, int y0, int w, int h) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int c = image.getRGB(x, y);
                double luma = 0.299 * (c >> 16 & 0xff) + 0.587 * (c >> 8 & 0xff) + 0.114 * (c & 0xff);
                sum += luma;
                squares += luma * luma;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }
}
