package io.flowpack.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Models written by {@link OnnxModelBuilder} load in ONNX Runtime and compute what their graph says. */
class OnnxModelBuilderTest {

    /** A ×2 nearest-neighbour upscaler: a 1×1 convolution copies each channel 4 times, DepthToSpace spreads them. */
    static byte[] depthToSpaceX2() {
        float[] weights = new float[12 * 3];
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < 4; k++) {
                weights[(k * 3 + c) * 3 + c] = 1f; // DCR order: output channel k*C + c reads input channel c
            }
        }
        return new OnnxModelBuilder("d2s", 17)
                .input("image", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .output("upscaled", OnnxModelBuilder.FLOAT, 1, 3, -1, -1)
                .initializer("w", weights, 12, 3, 1, 1)
                .node("Conv", List.of("image", "w"), List.of("copies"), Map.of("kernel_shape", new long[]{1, 1}))
                .node("DepthToSpace", List.of("copies"), List.of("upscaled"), Map.of("blocksize", 2L, "mode", "DCR"))
                .metadata("source", "test")
                .toBytes();
    }

    @Test
    void aGeneratedModelRunsInOnnxRuntime() throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(depthToSpaceX2(), new OrtSession.SessionOptions())) {
            assertThat(session.getInputNames()).containsExactly("image");
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("source", "test");
            float[] pixels = new float[3 * 2 * 3];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = i;
            }
            try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[]{1, 3, 2, 3});
                 OrtSession.Result result = session.run(Map.of("image", input))) {
                float[][][][] out = (float[][][][]) result.get(0).getValue();
                assertThat(out[0]).hasNumberOfRows(3);
                assertThat(out[0][0]).hasNumberOfRows(4);
                assertThat(out[0][0][0]).hasSize(6);
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < 4; y++) {
                        for (int x = 0; x < 6; x++) {
                            assertThat(out[0][c][y][x]).isEqualTo(pixels[c * 6 + (y / 2) * 3 + x / 2]);
                        }
                    }
                }
            }
        }
    }
}
