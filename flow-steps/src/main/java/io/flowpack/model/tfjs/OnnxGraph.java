package io.flowpack.model.tfjs;

import io.flowpack.onnx.OnnxModelBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX graph a converter writes: unique tensor names, constants, nodes, and the NHWC ↔ NCHW transposes at
 * the boundary. The op emitters ({@link NhwcOps}, {@link Activations}) build on it.
 */
final class OnnxGraph {
    static final int OPSET = 17;
    static final long[] TO_CHANNELS_FIRST = {0, 3, 1, 2};
    static final long[] TO_CHANNELS_LAST = {0, 2, 3, 1};

    private final OnnxModelBuilder builder;
    private final Set<String> names = new HashSet<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    OnnxGraph(String graphName) {
        builder = new OnnxModelBuilder(graphName, OPSET);
    }

    /** A tensor name not used yet, derived from {@code hint}. */
    String fresh(String hint) {
        String name = hint;
        for (int i = 1; !names.add(name); i++) {
            name = hint + "_" + i;
        }
        return name;
    }

    String constant(String hint, float[] data, long... dims) {
        String name = fresh(hint);
        builder.initializer(name, data, dims);
        return name;
    }

    String constantInts(String hint, long[] data, long... dims) {
        String name = fresh(hint);
        builder.initializerInt64(name, data, dims);
        return name;
    }

    /** A scalar float constant. */
    String scalar(String hint, float value) {
        return constant(hint, new float[]{value});
    }

    /** Adds a node with one output and returns the output's name. */
    String node(String op, List<String> inputs, String outputHint, Map<String, ?> attributes) {
        String output = fresh(outputHint);
        builder.node(op, inputs, List.of(output), attributes);
        return output;
    }

    String node(String op, List<String> inputs, String outputHint) {
        return node(op, inputs, outputHint, Map.of());
    }

    Value toChannelsFirst(Value value) {
        if (value.channelsFirst() || value.rank() != 4) {
            return value;
        }
        String name = node("Transpose", List.of(value.name()), value.name() + "/nchw", Map.of("perm", TO_CHANNELS_FIRST));
        return new Value(name, 4, true, value.channels());
    }

    /** The tensor in TensorFlow.js's own layout, for ops that see the axes as they are (Reshape, Squeeze, …). */
    Value toPlain(Value value) {
        if (!value.channelsFirst()) {
            return value;
        }
        String name = node("Transpose", List.of(value.name()), value.name() + "/nhwc", Map.of("perm", TO_CHANNELS_LAST));
        return new Value(name, 4, false, value.channels());
    }

    /**
     * Declares a model input with its NHWC dimensions (-1 where they vary) and returns it, NCHW when rank 4.
     * Varying dimensions get symbolic names from the input's name, so shapes of different inputs stay independent.
     */
    Value input(String name, long[] dims) {
        names.add(name);
        inputs.add(name);
        shapes.put(name, dims.clone());
        builder.input(name, OnnxModelBuilder.FLOAT, symbolic(name, dims));
        return toChannelsFirst(new Value(name, dims.length, false, dims.length > 0 ? dims[dims.length - 1] : -1));
    }

    /** Declares {@code value} as a model output named {@code name}, transposed back to NHWC. */
    void output(Value value, String name) {
        Value plain = toPlain(value);
        String produced = node("Identity", List.of(plain.name()), name);
        if (!produced.equals(name)) {
            throw new TfjsImportException("output name '" + name + "' is used twice");
        }
        outputs.add(name);
        long[] dims = new long[plain.rank()];
        Arrays.fill(dims, -1);
        if (plain.rank() > 0 && plain.channels() > 0) {
            dims[plain.rank() - 1] = plain.channels();
        }
        shapes.put(name, dims);
        builder.output(name, OnnxModelBuilder.FLOAT, symbolic(name, dims));
    }

    List<String> inputs() {
        return List.copyOf(inputs);
    }

    List<String> outputs() {
        return List.copyOf(outputs);
    }

    /** NHWC dimensions of the inputs and outputs, -1 where they vary. */
    Map<String, long[]> shapes() {
        return Map.copyOf(shapes);
    }

    OnnxModelBuilder builder() {
        return builder;
    }

    private static List<Object> symbolic(String tensor, long[] dims) {
        String[] axes = dims.length == 4 ? new String[]{"batch", "height", "width", "channels"} : null;
        List<Object> named = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] >= 0) {
                named.add(dims[i]);
            } else if (i == 0) {
                named.add("batch"); // one batch size runs through the whole model
            } else {
                named.add(tensor + "_" + (axes != null ? axes[i] : "d" + i));
            }
        }
        return named;
    }
}
