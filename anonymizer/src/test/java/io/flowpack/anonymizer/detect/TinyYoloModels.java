package io.flowpack.anonymizer.detect;

import io.flowpack.onnx.OnnxModelBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Generated stand-ins for a YOLOv8 export: input {@code [1, 3, 64, 64]}, output {@code [1, 84, 4]} fixed by a
 * constant (the input, multiplied by 0, only joins the graph), so decoding is checked against known boxes.
 */
public final class TinyYoloModels {
    public static final int SIZE = 64;
    public static final int CANDIDATES = 4;
    public static final int ROWS = 84;

    private TinyYoloModels() {
    }

    /** Writes a model whose output is {@code out} ({@value #ROWS} × {@value #CANDIDATES}) for any picture. */
    public static Path write(Path model, float[] out) throws Exception {
        byte[] bytes = new OnnxModelBuilder("yolo-stand-in", 13)
                .input("images", OnnxModelBuilder.FLOAT, 1, 3, SIZE, SIZE)
                .initializer("zero", new float[]{0f}, 1)
                .initializer("fixed", out, 1, ROWS, CANDIDATES)
                .node("ReduceMean", List.of("images"), List.of("mean"), Map.of("axes", new long[]{1, 2, 3},
                        "keepdims", 0))
                .node("Mul", List.of("mean", "zero"), List.of("nothing"))
                .node("Add", List.of("fixed", "nothing"), List.of("output0"))
                .output("output0", OnnxModelBuilder.FLOAT, 1, ROWS, CANDIDATES)
                .toBytes();
        Files.createDirectories(model.toAbsolutePath().getParent());
        Files.write(model, bytes);
        return model;
    }

    /** Sets candidate {@code i}: centre, size (input pixels), class and score. */
    public static void candidate(float[] out, int i, float cx, float cy, float w, float h, int cls, float score) {
        out[i] = cx;
        out[CANDIDATES + i] = cy;
        out[2 * CANDIDATES + i] = w;
        out[3 * CANDIDATES + i] = h;
        out[(4 + cls) * CANDIDATES + i] = score;
    }

    /** One person box in the middle of the input, score 0.9. */
    public static float[] onePerson() {
        float[] out = new float[ROWS * CANDIDATES];
        candidate(out, 0, 32, 32, 20, 10, 0, 0.9f);
        return out;
    }
}
