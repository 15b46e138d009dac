package io.flowpack.generate.onnx;

import io.flowpack.onnx.OnnxModelBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes tiny motion UNets (the whole-UNet ONNX exports {@link MotionModel} runs) with the real names and the 5-D
 * layout: {@code sample} [1,4,F,h,w] with F fixed, {@code timestep} [k], {@code encoder_hidden_states} [F,77,D] →
 * {@code out_sample} = {@code self·sample + across·mean_F(sample) + mean(encoder_hidden_states[f]) + 0.001·timestep}.
 * With {@code self} 0.5 and {@code across} 0 every frame gets exactly what {@link TinyDiffusersModels}' UNet gives
 * it; a non-zero {@code across} mixes the frames of a window (what a motion module does).
 */
public final class TinyMotionModels {
    private static final int OPSET = 13;

    private TinyMotionModels() {
    }

    public static Path write(Path file, int frames, float self, float across) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, model(frames, self, across));
        return file;
    }

    static byte[] model(int frames, float self, float across) {
        OnnxModelBuilder b = new OnnxModelBuilder("motion_unet", OPSET)
                .input("sample", OnnxModelBuilder.FLOAT, List.of(1, 4, frames, "height", "width"))
                .input("timestep", OnnxModelBuilder.FLOAT, List.of("steps"))
                .input("encoder_hidden_states", OnnxModelBuilder.FLOAT, List.of(frames, 77, TinyDiffusersModels.HIDDEN))
                .initializer("self", new float[]{self})
                .initializer("across", new float[]{across})
                .initializer("milli", new float[]{0.001f})
                .initializerInt64("perFrame", new long[]{1, 1, -1, 1, 1}, 5)
                .initializerInt64("scalar", new long[]{-1, 1, 1, 1, 1}, 5)
                .node("ReduceMean", List.of("sample"), List.of("temporalMean"), Map.of("axes", new long[]{2}, "keepdims", 1))
                .node("Mul", List.of("sample", "self"), List.of("own"))
                .node("Mul", List.of("temporalMean", "across"), List.of("shared"))
                .node("Add", List.of("own", "shared"), List.of("mixed"))
                .node("ReduceMean", List.of("encoder_hidden_states"), List.of("hiddenMean"),
                        Map.of("axes", new long[]{1, 2}, "keepdims", 1))
                .node("Reshape", List.of("hiddenMean", "perFrame"), List.of("prompt"))
                .node("Add", List.of("mixed", "prompt"), List.of("conditioned"))
                .node("Mul", List.of("timestep", "milli"), List.of("t"))
                .node("Reshape", List.of("t", "scalar"), List.of("tScalar"))
                .node("Add", List.of("conditioned", "tScalar"), List.of("out_sample"));
        return b.output("out_sample", OnnxModelBuilder.FLOAT, List.of(1, 4, frames, "height", "width")).toBytes();
    }
}
