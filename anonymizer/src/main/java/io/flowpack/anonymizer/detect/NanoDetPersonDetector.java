package io.flowpack.anonymizer.detect;

import io.flowpack.detect.NanoDetDecoder;
import io.flowpack.detect.NanoDetDecoder.Detection;
import io.flowpack.model.LoadedModel;
import io.flowpack.model.ModelManifest;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.TensorSpec;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The default detector: the bundled {@code nanodet} model (NanoDet-g, COCO), person class only. Each region — the
 * whole image, then its tiles — is stretched to 416×416 without letterbox, RGB / 255, NCHW, as the model's
 * manifest records it was verified.
 */
public final class NanoDetPersonDetector implements PersonDetector {
    public static final String MODEL = "nanodet";
    private static final int PERSON = 0;
    private static final int[] STRIDES = {8, 16, 32};

    private final LoadedModel model;
    private final DetectionSettings settings;
    private final NanoDetDecoder decoder = NanoDetDecoder.bundled();
    private final String input;
    private final String[] scoreOutputs = new String[STRIDES.length];
    private final String[] distanceOutputs = new String[STRIDES.length];

    public NanoDetPersonDetector(ModelRegistry registry, ModelSessions sessions, DetectionSettings settings) {
        this.model = sessions.get(registry.require(MODEL));
        this.settings = settings;
        ModelManifest manifest = model.manifest();
        this.input = manifest.inputs().get(0).name();
        for (int level = 0; level < STRIDES.length; level++) {
            scoreOutputs[level] = output(manifest, "scores-stride" + STRIDES[level]);
            distanceOutputs[level] = output(manifest, "distances-stride" + STRIDES[level]);
        }
    }

    /** The bundled model from the standard registry and the shared sessions, with default settings. */
    public static NanoDetPersonDetector standard() {
        return new NanoDetPersonDetector(ModelRegistry.standard(), ModelSessions.shared(), DetectionSettings.defaults());
    }

    public DetectionSettings settings() {
        return settings;
    }

    @Override
    public List<PersonBox> detect(BufferedImage image) {
        return TiledSearch.run(image, settings, this::detectRegion);
    }

    private List<PersonBox> detectRegion(int[] argb, int width, int height, Region region) {
        int size = 416;
        float[] tensor = new float[3 * size * size];
        RegionSampler.sample(argb, width, region, tensor, size, size, 0, 0, size, size, true);
        var outputs = OrtRun.run(model.session(), input, tensor, new long[]{1, 3, size, size});
        float[][] scores = new float[STRIDES.length][];
        float[][] distances = new float[STRIDES.length][];
        for (int level = 0; level < STRIDES.length; level++) {
            scores[level] = personScoresOnly(outputs.get(scoreOutputs[level]));
            distances[level] = outputs.get(distanceOutputs[level]);
        }
        double sx = (double) region.width() / size;
        double sy = (double) region.height() / size;
        List<PersonBox> boxes = new ArrayList<>();
        for (Detection d : decoder.decode(scores, distances, (float) settings.scoreThreshold(),
                (float) settings.iouThreshold())) {
            if (d.classId() == PERSON) {
                boxes.add(new PersonBox(region.x() + d.left() * sx, region.y() + d.top() * sy,
                        (d.right() - d.left()) * sx, (d.bottom() - d.top()) * sy, d.score(), model.name(),
                        model.sha256()));
            }
        }
        return boxes;
    }

    /** Zeroes every class but person, so the decoder does no work for chairs and cups. */
    private static float[] personScoresOnly(float[] scores) {
        int classes = 80;
        for (int i = 0; i < scores.length; i++) {
            if (i % classes != PERSON) {
                scores[i] = 0;
            }
        }
        return scores;
    }

    private static String output(ModelManifest manifest, String role) {
        return manifest.output(role).map(TensorSpec::name).orElseThrow(() -> new IllegalStateException(
                "model '" + manifest.name() + "' declares no output with role " + role));
    }
}
