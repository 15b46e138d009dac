package io.flowpack.model.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled esrgan-slim models: their sha256 matches the manifest, and they upscale in ONNX Runtime. */
class BundledEsrganModelsTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void loadsMatchesItsManifestAndUpscales(int scale) throws Exception {
        String folder = "flowpack/models/esrgan-slim-x" + scale + "/";
        JsonNode manifest = TfjsFixture.JSON.readTree(resource(folder + "manifest.json"));
        byte[] onnx = resource(folder + manifest.path("file").asText());

        assertThat(manifest.path("sha256").asText()).isEqualTo(ImportManifest.sha256(onnx));
        assertThat(manifest.path("scale").asInt()).isEqualTo(scale);
        assertThat(manifest.path("source").path("package").asText()).isEqualTo("@upscalerjs/esrgan-slim@1.0.0");
        assertThat(manifest.path("verification").path("maxAbsDiff").asDouble()).isBetween(0.0, 0.01);
        assertThat(onnx.length).isLessThan(20 << 20);

        // A smooth gradient: super-resolution must keep its colours (mean within 2 levels of 255).
        int height = 12;
        int width = 16;
        float[] image = new float[height * width * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                image[i] = 40 + 10 * x;
                image[i + 1] = 60 + 12 * y;
                image[i + 2] = 128;
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(image), new long[]{1, height, width, 3});
             OrtSession.Result result = session.run(Map.of("input", input))) {
            OnnxTensor output = (OnnxTensor) result.get("output").orElseThrow();
            assertThat(output.getInfo().getShape()).containsExactly(1, (long) height * scale, (long) width * scale, 3);
            float[] upscaled = new float[output.getFloatBuffer().remaining()];
            output.getFloatBuffer().get(upscaled);
            for (int c = 0; c < 3; c++) {
                assertThat(channelMean(upscaled, c)).as("channel %d", c).isCloseTo(channelMean(image, c),
                        org.assertj.core.data.Offset.offset(2.0));
            }
        }
    }

    private static double channelMean(float[] nhwc, int channel) {
        double sum = 0;
        for (int i = channel; i < nhwc.length; i += 3) {
            sum += nhwc[i];
        }
        return sum / (nhwc.length / 3.0);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = BundledEsrganModelsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
