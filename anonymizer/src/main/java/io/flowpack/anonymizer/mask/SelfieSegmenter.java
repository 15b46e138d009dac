package io.flowpack.anonymizer.mask;

import io.flowpack.anonymizer.detect.OrtRun;
import io.flowpack.anonymizer.detect.Region;
import io.flowpack.anonymizer.detect.RegionSampler;
import io.flowpack.model.LoadedModel;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;

/**
 * The bundled {@code selfie} person segmentation (MediaPipe Selfie Segmentation): a region stretched to 256×256,
 * RGB / 255, NHWC; out comes the probability that each of the 256×256 pixels shows a person.
 */
public final class SelfieSegmenter {
    public static final String MODEL = "selfie";
    public static final int SIZE = 256;

    private final LoadedModel model;
    private final String input;
    private final String output;

    public SelfieSegmenter(ModelRegistry registry, ModelSessions sessions) {
        this.model = sessions.get(registry.require(MODEL));
        this.input = model.manifest().inputs().get(0).name();
        this.output = model.manifest().outputs().get(0).name();
    }

    /** The person probability over {@code region}, {@link #SIZE}² values row by row. */
    public float[] segment(int[] argb, int imageWidth, Region region) {
        float[] tensor = new float[SIZE * SIZE * 3];
        RegionSampler.sample(argb, imageWidth, region, tensor, SIZE, SIZE, 0, 0, SIZE, SIZE, false);
        return OrtRun.run(model.session(), input, tensor, new long[]{1, SIZE, SIZE, 3}).get(output);
    }
}
