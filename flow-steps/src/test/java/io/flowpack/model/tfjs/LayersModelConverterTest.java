package io.flowpack.model.tfjs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.flowpack.model.tfjs.NhwcReference.add;
import static io.flowpack.model.tfjs.NhwcReference.concat;
import static io.flowpack.model.tfjs.NhwcReference.conv;
import static io.flowpack.model.tfjs.NhwcReference.leakyRelu;
import static io.flowpack.model.tfjs.NhwcReference.multiply;
import static io.flowpack.model.tfjs.NhwcReference.relu;
import static io.flowpack.model.tfjs.NhwcReference.upsample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Keras layers models that the test writes, converted and run in ONNX Runtime, against plain-loop reference code. */
class LayersModelConverterTest {
    @TempDir
    Path folder;

    private final Random random = new Random(42);

    @Test
    void convolutionsConcatenateAddAndUpsampleAsTheReferenceDoes() throws Exception {
        float[] k1 = TfjsFixture.random(random, 3 * 3 * 3 * 4, 0.5);
        float[] b1 = TfjsFixture.random(random, 4, 0.2);
        float[] k2 = TfjsFixture.random(random, 3 * 4, 0.5);
        float[] b2 = TfjsFixture.random(random, 4, 0.2);
        float[] k3 = TfjsFixture.random(random, 3 * 3 * 8 * 2, 0.5);
        float[] b3 = TfjsFixture.random(random, 2, 0.2);
        Path modelJson = TfjsFixture.layersModel("LR")
                .layer("Conv2D", "c1", convConfig(4, 3, "same", "relu"), "LR")
                .layer("Conv2D", "c2", convConfig(4, 1, "valid", "linear"), "LR")
                .layer("Add", "sum", Map.of(), "c1", "c2")
                .layer("Concatenate", "cat", Map.of("axis", -1), "sum", "c1")
                .layer("UpSampling2D", "up", Map.of("size", List.of(2, 2), "interpolation", "nearest"), "cat")
                .layer("Conv2D", "sr", convConfig(2, 3, "same", "linear"), "up")
                .weight("c1/kernel", k1, 3, 3, 3, 4).weight("c1/bias", b1, 4)
                .weight("c2/kernel", k2, 1, 1, 3, 4).weight("c2/bias", b2, 4)
                .weight("sr/kernel", k3, 3, 3, 8, 2).weight("sr/bias", b3, 2)
                .write(folder);
        float[][][] image = image(5, 7, 3);

        ConvertedModel model = TfjsToOnnx.convert(modelJson, Map.of());
        float[][][] actual = OrtRunner.run(model.onnx(), image);

        float[][][] c1 = relu(conv(image, k1, new int[]{3, 3, 3, 4}, b1, 1, 1, true, false));
        float[][][] c2 = conv(image, k2, new int[]{1, 1, 3, 4}, b2, 1, 1, false, false);
        float[][][] expected = conv(upsample(concat(add(c1, c2), c1), 2), k3, new int[]{3, 3, 8, 2}, b3, 1, 1, true, false);
        assertThat(model.inputs()).containsExactly("input");
        assertThat(model.outputs()).containsExactly("output");
        assertClose(actual, expected);
    }

    @Test
    void stridedDilatedAndDepthwiseConvolutionsKeepTensorFlowsPadding() throws Exception {
        float[] k1 = TfjsFixture.random(random, 3 * 3 * 3 * 5, 0.5);
        float[] b1 = TfjsFixture.random(random, 5, 0.2);
        float[] depthwise = TfjsFixture.random(random, 3 * 3 * 5 * 2, 0.5);
        float[] k3 = TfjsFixture.random(random, 2 * 2 * 10 * 10, 0.5);
        Map<String, Object> strided = convConfig(5, 3, "same", "linear");
        strided.put("strides", List.of(2, 2));
        Map<String, Object> dilated = convConfig(0, 3, "same", "linear");
        dilated.remove("filters");
        dilated.put("dilation_rate", List.of(2, 2));
        dilated.put("depth_multiplier", 2);
        dilated.put("use_bias", false);
        Map<String, Object> evenKernel = convConfig(10, 2, "same", "linear");
        evenKernel.put("use_bias", false);
        Path modelJson = TfjsFixture.layersModel("in")
                .layer("Conv2D", "strided", strided, "in")
                .layer("DepthwiseConv2D", "dw", dilated, "strided")
                .layer("LeakyReLU", "leaky", Map.of("alpha", 0.1), "dw")
                .layer("Conv2D", "even", evenKernel, "leaky")
                .layer("Multiply", "gate", Map.of(), "even", "leaky")
                .weight("strided/kernel", k1, 3, 3, 3, 5).weight("strided/bias", b1, 5)
                .weight("dw/depthwise_kernel", depthwise, 3, 3, 5, 2)
                .weight("even/kernel", k3, 2, 2, 10, 10)
                .write(folder);
        float[][][] image = image(11, 8, 3);

        float[][][] actual = OrtRunner.run(TfjsToOnnx.convert(modelJson, Map.of()).onnx(), image);

        float[][][] s = conv(image, k1, new int[]{3, 3, 3, 5}, b1, 2, 1, true, false);
        float[][][] leaky = leakyRelu(conv(s, depthwise, new int[]{3, 3, 5, 2}, null, 1, 2, true, true), 0.1f);
        float[][][] expected = multiply(conv(leaky, k3, new int[]{2, 2, 10, 10}, null, 1, 1, true, false), leaky);
        assertThat(actual.length).isEqualTo(6);
        assertThat(actual[0].length).isEqualTo(4);
        assertClose(actual, expected);
    }

    @Test
    void aLambdaLayerIsRefusedByNameWithTheSupportedLayers() throws Exception {
        Path modelJson = TfjsFixture.layersModel("LR")
                .layer("Conv2D", "F_8", convConfig(3, 1, "same", "linear"), "LR")
                .layer("Lambda", "F_9", Map.of("function", java.util.Arrays.asList("4wEAAAAAAAAA", null, null)), "F_8")
                .weight("F_8/kernel", new float[9], 1, 1, 3, 3).weight("F_8/bias", new float[3], 3)
                .write(folder);

        assertThatThrownBy(() -> TfjsToOnnx.convert(modelJson, Map.of()))
                .isInstanceOf(TfjsImportException.class)
                .hasMessageStartingWith("layer 'F_9' of class 'Lambda' is not supported")
                .hasMessageContaining("supported: Activation, Add, AlphaDropout, Average, AveragePooling2D, ")
                .hasMessageContaining("UpSampling2D");
    }

    @Test
    void anUnknownActivationAndAMissingWeightAreNamed() throws Exception {
        Path unknownActivation = TfjsFixture.layersModel("in")
                .layer("Activation", "act", Map.of("activation", "crelu"), "in")
                .write(folder.resolve("activation"));
        Path missingWeight = TfjsFixture.layersModel("in")
                .layer("Conv2D", "conv", convConfig(3, 3, "same", "linear"), "in")
                .weight("conv/kernel", new float[81], 3, 3, 3, 3)
                .write(folder.resolve("weight"));

        assertThatThrownBy(() -> TfjsToOnnx.convert(unknownActivation, Map.of()))
                .hasMessageStartingWith("layer 'act' of class 'Activation' has activation 'crelu', which is not supported");
        assertThatThrownBy(() -> TfjsToOnnx.convert(missingWeight, Map.of()))
                .hasMessage("layer 'conv' of class 'Conv2D' needs weight 'conv/bias', which the weights manifest does not contain");
    }

    private float[][][] image(int height, int width, int channels) {
        float[][][] image = new float[height][width][channels];
        for (float[][] row : image) {
            for (float[] pixel : row) {
                for (int c = 0; c < channels; c++) {
                    pixel[c] = random.nextFloat();
                }
            }
        }
        return image;
    }

    static Map<String, Object> convConfig(int filters, int kernel, String padding, String activation) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of("kernel_size", List.of(kernel, kernel),
                "strides", List.of(1, 1), "padding", padding, "data_format", "channels_last",
                "dilation_rate", List.of(1, 1), "activation", activation, "use_bias", true));
        config.put("filters", filters);
        return config;
    }

    static void assertClose(float[][][] actual, float[][][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        assertThat(actual[0].length).isEqualTo(expected[0].length);
        assertThat(actual[0][0].length).isEqualTo(expected[0][0].length);
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected[0].length; x++) {
                for (int c = 0; c < expected[0][0].length; c++) {
                    assertThat(actual[y][x][c]).as("(%d,%d,%d)", y, x, c).isCloseTo(expected[y][x][c], within(1e-4f));
                }
            }
        }
    }
}
