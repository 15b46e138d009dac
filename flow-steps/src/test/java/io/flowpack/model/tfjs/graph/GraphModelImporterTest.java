package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.HalfFloat;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.flowpack.model.tfjs.ConvertedModel;
import io.flowpack.model.tfjs.TfjsImportException;
import io.flowpack.model.tfjs.graph.ReferenceOps.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.flowpack.model.tfjs.graph.TinyGraph.flag;
import static io.flowpack.model.tfjs.graph.TinyGraph.integer;
import static io.flowpack.model.tfjs.graph.TinyGraph.integers;
import static io.flowpack.model.tfjs.graph.TinyGraph.real;
import static io.flowpack.model.tfjs.graph.TinyGraph.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Small graph models written by the test, converted, run in ONNX Runtime and compared with {@link ReferenceOps}. */
class GraphModelImporterTest {
    private static final float TOLERANCE = 1e-5f;

    @TempDir
    Path dir;

    @Test
    void convolutionsActivationsResizeAndConcatMatchTensorFlow() throws Exception {
        Random random = new Random(7);
        float[] input = uniform(random, 5 * 6 * 2);
        for (int i = 0; i < input.length; i++) {
            input[i] *= 4; // large enough for Relu6 to clip
        }
        float[] filter = TinyGraph.halfExact(random, 3 * 3 * 2 * 4);
        float[] bias = uniform(random, 4);
        float[] depthwise = TinyGraph.halfExact(random, 3 * 3 * 4 * 2);
        Path model = new TinyGraph()
                .placeholder("x", 1, 5, 6, 2)
                .halfFloats("filter", filter, 3, 3, 2, 4)
                .floats("bias", bias, 4)
                .halfFloats("depthwise_filter", depthwise, 3, 3, 4, 2)
                .ints("size", "DT_INT32", new long[]{5, 7}, 2)
                .ints("axis", "DT_INT32", new long[]{-1})
                .op("conv", "Conv2D", List.of("x", "filter"), Map.of("strides", integers(1, 2, 2, 1),
                        "padding", text("SAME"), "data_format", text("NHWC"), "dilations", integers(1, 1, 1, 1)))
                .op("biased", "BiasAdd", List.of("conv", "bias"), Map.of("data_format", text("NHWC")))
                .op("clipped", "Relu6", List.of("biased"), Map.of())
                .op("depthwise", "DepthwiseConv2dNative", List.of("clipped", "depthwise_filter"),
                        Map.of("strides", integers(1, 1, 1, 1), "padding", text("SAME")))
                .op("half_pixel", "ResizeBilinear", List.of("depthwise", "size"),
                        Map.of("half_pixel_centers", flag(true), "align_corners", flag(false)))
                .op("corners", "ResizeBilinear", List.of("clipped", "size"), Map.of("align_corners", flag(true)))
                .op("concat", "ConcatV2", List.of("half_pixel", "corners", "axis"), Map.of("N", integer(2)))
                .write(dir);

        ConvertedModel converted = GraphModelImporter.convert(model, Map.of());

        Image x = new Image(5, 6, 2, input);
        Image conv = ReferenceOps.conv2d(x, filter, 3, 3, 4, 2, true);
        Image clipped = ReferenceOps.relu6(ReferenceOps.biasAdd(conv, bias));
        Image halfPixel = ReferenceOps.resizeBilinear(ReferenceOps.depthwise(clipped, depthwise, 3, 3, 2), 5, 7,
                false, true);
        Image corners = ReferenceOps.resizeBilinear(clipped, 5, 7, true, false);
        Image expected = ReferenceOps.concatChannels(halfPixel, corners);
        assertThat(converted.inputs()).containsExactly("x");
        assertThat(converted.outputs()).containsExactly("concat");
        Map<String, float[]> outputs = run(converted, "x", input, 1, 5, 6, 2);
        assertThat(outputs.get("concat")).hasSize(5 * 7 * 12);
        assertClose(outputs.get("concat"), expected.v());
        assertThat(max(clipped.v())).as("Relu6 clips").isEqualTo(6f);
    }

    @Test
    void transposedConvolutionPoolingSplitPaddingAndFoldedShapesMatchTensorFlow() throws Exception {
        Random random = new Random(11);
        float[] input = uniform(random, 4 * 4 * 2);
        float[] filter = uniform(random, 3 * 3 * 3 * 2);
        Path model = new TinyGraph()
                .placeholder("x", 1, 4, 4, 2)
                .ints("input_sizes", "DT_INT32", new long[]{1, 4, 4, 3}, 4)
                .floats("filter", filter, 3, 3, 3, 2)
                .ints("split_sizes", "DT_INT32", new long[]{1, -1}, 2)
                .ints("split_dim", "DT_INT32", new long[]{3})
                .ints("paddings", "DT_INT32", new long[]{0, 0, 1, 0, 0, 1, 0, 0}, 4, 2)
                .floats("pad_value", new float[]{0.5f})
                .ints("where", "DT_INT64", new long[0], 0, 1)
                .ints("dense_shape", "DT_INT64", new long[]{3}, 1)
                .ints("values", "DT_INT64", new long[0], 0)
                .ints("zero", "DT_INT64", new long[]{0})
                .ints("base_shape", "DT_INT64", new long[]{1, 16, 1}, 3)
                .ints("perm", "DT_INT32", new long[]{0, 3, 1, 2}, 4)
                .op("avg", "AvgPool", List.of("x"), Map.of("ksize", integers(1, 3, 3, 1),
                        "strides", integers(1, 2, 2, 1), "padding", text("SAME"), "data_format", text("NHWC")))
                .op("up", "Conv2DBackpropInput", List.of("input_sizes", "filter", "avg"),
                        Map.of("strides", integers(1, 2, 2, 1), "padding", text("SAME")))
                .op("leaky", "LeakyRelu", List.of("up"), Map.of("alpha", real(0.1f)))
                .op("split", "SplitV", List.of("leaky", "split_sizes", "split_dim"), Map.of("num_split", integer(2)))
                .op("padded", "PadV2", List.of("split", "paddings", "pad_value"), Map.of())
                .op("pooled", "MaxPool", List.of("padded"), Map.of("ksize", integers(1, 2, 2, 1),
                        "strides", integers(1, 1, 1, 1), "padding", text("VALID")))
                .op("sum", "AddN", List.of("pooled", "split:0", "^avg"), Map.of("N", integer(2)))
                .op("offset", "SparseToDense", List.of("where", "dense_shape", "values", "zero"), Map.of())
                .op("shape", "AddV2", List.of("base_shape", "offset"), Map.of())
                .op("flat", "Reshape", List.of("sum", "shape"), Map.of())
                .op("out1", "Sigmoid", List.of("flat"), Map.of())
                .op("out2", "Transpose", List.of("split:1", "perm"), Map.of())
                .write(dir);

        ConvertedModel converted = GraphModelImporter.convert(model, Map.of());

        Image x = new Image(4, 4, 2, input);
        Image up = ReferenceOps.convTranspose(ReferenceOps.avgPoolSame(x, 3, 2), filter, 3, 3, 3, 4, 4, 2);
        Image leaky = ReferenceOps.leakyRelu(up, 0.1f);
        Image first = ReferenceOps.channels(leaky, 0, 1);
        Image pooled = ReferenceOps.maxPoolValid(ReferenceOps.pad(first, 1, 0, 0, 1, 0.5f), 2, 1);
        float[] out1 = ReferenceOps.sigmoid(ReferenceOps.add(pooled, first)).v();
        float[] out2 = ReferenceOps.toNchw(ReferenceOps.channels(leaky, 1, 3));
        assertThat(converted.outputs()).containsExactly("out1", "out2");
        Map<String, float[]> outputs = run(converted, "x", input, 1, 4, 4, 2);
        assertClose(outputs.get("out1"), out1);
        assertClose(outputs.get("out2"), out2);
        assertThat(min(up.v())).as("the leaky slope matters").isNegative();
    }

    @Test
    void explicitPaddingIsPaddingThenAValidConvolution() throws Exception {
        Random random = new Random(5);
        float[] input = uniform(random, 4 * 5 * 3);
        float[] filter = uniform(random, 2 * 3 * 3 * 2);
        Path model = new TinyGraph()
                .placeholder("x", 1, 4, 5, 3)
                .floats("filter", filter, 2, 3, 3, 2)
                .op("conv", "Conv2D", List.of("x", "filter"), Map.of("strides", integers(1, 1, 2, 1),
                        "padding", text("EXPLICIT"), "explicit_paddings", integers(0, 0, 1, 2, 0, 1, 0, 0)))
                .write(dir);

        Map<String, float[]> outputs = run(GraphModelImporter.convert(model, Map.of()), "x", input, 1, 4, 5, 3);

        Image padded = ReferenceOps.pad(new Image(4, 5, 3, input), 1, 2, 0, 1, 0);
        Image expected = ReferenceOps.conv2dStrided(padded, filter, 2, 3, 2, 1, 2);
        assertThat(expected.h() * expected.w()).isEqualTo(6 * 2);
        assertClose(outputs.get("conv"), expected.v());
    }

    @Test
    void float16WeightsDecodeExactly() throws Exception {
        short[] bits = {0x3C00, (short) 0xC100, 0x7BFF, (short) 0xFBFF, 0x0400, 0x03FF, 0x0001, 0x3555, (short) 0x8000};
        float[] expected = {1f, -2.5f, 65504f, -65504f, 0x1p-14f, 0x3FFp-24f, 0x1p-24f, 0.33325195f, -0f};
        float[] values = new float[64];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < expected.length ? expected[i] : (i - 32) / 8f;
        }
        Path model = new TinyGraph()
                .placeholder("x", 1, 64)
                .halfFloats("quantized", values, 1, 64)
                .float16("stored", values, 1, 64)
                .op("a", "AddV2", List.of("x", "quantized"), Map.of())
                .op("b", "AddV2", List.of("x", "stored"), Map.of())
                .write(dir);

        float[] negativeZeros = new float[64];
        java.util.Arrays.fill(negativeZeros, -0f); // -0 + v is v, even for v = -0
        Map<String, float[]> outputs = run(GraphModelImporter.convert(model, Map.of()), "x", negativeZeros, 1, 64);

        for (int i = 0; i < bits.length; i++) {
            assertThat(HalfFloat.toFloat(bits[i] & 0xFFFF)).isEqualTo(expected[i]);
            assertThat(HalfFloat.encode(expected[i])).isEqualTo(bits[i]);
        }
        assertThat(outputs.get("a")).containsExactly(values);
        assertThat(outputs.get("b")).containsExactly(values);
    }

    @Test
    void float16EncodingRoundsToNearestEven() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short half = (short) bits;
            boolean nan = (bits & 0x7C00) == 0x7C00 && (bits & 0x3FF) != 0;
            if (!nan) {
                assertThat(HalfFloat.encode(HalfFloat.toFloat(half & 0xFFFF))).isEqualTo(half);
            }
        }
        assertThat(HalfFloat.toFloat((HalfFloat.encode(1 + 0x1p-11f)) & 0xFFFF)).as("tie to even").isEqualTo(1f);
        assertThat(HalfFloat.toFloat((HalfFloat.encode(1 + 0x3p-11f)) & 0xFFFF)).as("tie to even").isEqualTo(1 + 0x1p-9f);
        assertThat(HalfFloat.toFloat((HalfFloat.encode(70000f)) & 0xFFFF)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloat.holdsExactly(new float[]{0.5f, 0.1f})).isFalse();
    }

    @Test
    void anUnsupportedOpNamesTheNodeAndTheOp() throws Exception {
        Path model = new TinyGraph()
                .placeholder("x", 1, 8)
                .ints("k", "DT_INT32", new long[]{2})
                .op("best_two", "TopKV2", List.of("x", "k"), Map.of())
                .write(dir);

        assertThatThrownBy(() -> GraphModelImporter.convert(model, Map.of()))
                .isInstanceOf(TfjsImportException.class)
                .hasMessageContaining("node 'best_two'")
                .hasMessageContaining("'TopKV2' is not supported")
                .hasMessageContaining("Conv2DBackpropInput");
    }

    @Test
    void aComputedFilterIsRefusedWithTheNodeName() throws Exception {
        Path model = new TinyGraph()
                .placeholder("x", 1, 4, 4, 1)
                .op("self_conv", "Conv2D", List.of("x", "x"), Map.of("padding", text("VALID")))
                .write(dir);

        assertThatThrownBy(() -> GraphModelImporter.convert(model, Map.of()))
                .hasMessageContaining("node 'self_conv' (Conv2D)")
                .hasMessageContaining("filter");
    }

    static Map<String, float[]> run(ConvertedModel model, String input, float[] values, long... shape)
            throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.onnx(), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            Map<String, float[]> outputs = new HashMap<>();
            result.forEach(entry -> {
                FloatBuffer buffer = ((OnnxTensor) entry.getValue()).getFloatBuffer();
                float[] flat = new float[buffer.remaining()];
                buffer.get(flat);
                outputs.put(entry.getKey(), flat);
            });
            return outputs;
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static float[] uniform(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
        }
        return min;
    }
}
