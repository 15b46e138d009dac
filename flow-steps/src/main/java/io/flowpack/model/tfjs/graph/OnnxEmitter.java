package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.HalfFloat;
import io.flowpack.model.tfjs.TfjsImportException;
import io.flowpack.onnx.OnnxModelBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ONNX graph under construction and the TensorFlow tensors defined so far. Constants become initializers
 * only when a computed tensor uses them (once each); a Transpose of a Transpose collapses into one or none, so
 * the NHWC ↔ NCHW pairs around consecutive convolutions cancel out here already.
 */
final class OnnxEmitter {
    static final int OPSET = 17;
    static final int[] TO_NCHW = {0, 3, 1, 2};
    static final int[] TO_NHWC = {0, 2, 3, 1};
    /** Float constants at least this large are stored as float16 when that loses nothing. */
    private static final int HALF_PRECISION_MIN_SIZE = 64;

    /** {@code source} transposed by {@code perm}: axis i of the result is axis perm[i] of the source. */
    record Transposition(String source, int[] perm) {
        int[] inverse() {
            int[] inverse = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                inverse[perm[i]] = i;
            }
            return inverse;
        }
    }

    private final OnnxModelBuilder builder;
    private final Set<String> names = new HashSet<>();
    private final Map<String, TensorValue> values = new HashMap<>();
    private final Map<ConstTensor, String> initializers = new IdentityHashMap<>();
    private final Map<String, Transposition> transposes = new HashMap<>();
    private final Map<String, String> transposeCache = new HashMap<>();
    private final Set<String> written = new HashSet<>();
    private final Map<Integer, String> scalars = new HashMap<>();

    OnnxEmitter(String graphName) {
        builder = new OnnxModelBuilder(graphName, OPSET);
    }

    OnnxModelBuilder builder() {
        return builder;
    }

    void define(TensorName name, TensorValue value) {
        values.put(name.toString(), value);
    }

    /** @param user who asks, for the message when no node produced {@code name} */
    TensorValue value(TensorName name, String user) {
        TensorValue value = values.get(name.toString());
        if (value == null) {
            throw new TfjsImportException(user + " reads '" + name + "', which no node produces");
        }
        return value;
    }

    /** Reserves a tensor name, made unique from {@code hint}. */
    String fresh(String hint) {
        String name = hint;
        for (int i = 1; !names.add(name); i++) {
            name = hint + "_" + i;
        }
        return name;
    }

    /** The ONNX tensor holding {@code value}, writing a constant as an initializer the first time it is needed. */
    String tensor(TensorValue value, String hint) {
        if (!value.isConstant()) {
            return value.onnxName();
        }
        return initializers.computeIfAbsent(value.constant(), constant -> initializer(constant, hint));
    }

    String node(String op, List<String> inputs, String outputHint, Map<String, ?> attributes) {
        return nodeOutputs(op, inputs, List.of(outputHint), attributes).get(0);
    }

    List<String> nodeOutputs(String op, List<String> inputs, List<String> outputHints, Map<String, ?> attributes) {
        inputs.forEach(this::writeTranspose);
        List<String> outputs = outputHints.stream().map(this::fresh).toList();
        builder.node(op, inputs, outputs, attributes);
        return outputs;
    }

    /** Declares {@code source} as the model output {@code name}, whose name must have been reserved. */
    void output(String source, String name, long[] shape) {
        writeTranspose(source);
        builder.node("Identity", List.of(source), List.of(name));
        builder.output(name, OnnxModelBuilder.FLOAT, shape);
    }

    /**
     * A Transpose of {@code input}, merged with the Transpose that produced it where there is one. Its node is
     * written only once another node reads it: a Transpose whose readers all take its source instead costs nothing.
     */
    String transpose(String input, int[] perm, String hint) {
        String source = input;
        int[] combined = perm;
        Transposition earlier = transposes.get(input);
        if (earlier != null) {
            source = earlier.source();
            combined = new int[perm.length];
            for (int i = 0; i < perm.length; i++) {
                combined[i] = earlier.perm()[perm[i]];
            }
        }
        if (isIdentity(combined)) {
            return source;
        }
        String key = source + Arrays.toString(combined);
        String cached = transposeCache.get(key);
        if (cached != null) {
            return cached;
        }
        String output = fresh(hint);
        transposes.put(output, new Transposition(source, combined));
        transposeCache.put(key, output);
        return output;
    }

    /** Writes the Transpose node for {@code name} the first time a node reads it; most are never read. */
    private void writeTranspose(String name) {
        Transposition transposition = transposes.get(name);
        if (transposition != null && written.add(name)) {
            builder.node("Transpose", List.of(transposition.source()), List.of(name),
                    Map.of("perm", transposition.perm()));
        }
    }

    /** The Transpose that computed {@code value}, or null. */
    Transposition producer(TensorValue value) {
        return value.isConstant() ? null : transposes.get(value.onnxName());
    }

    String int64s(String hint, long... values) {
        String name = fresh(hint);
        builder.initializerInt64(name, values, values.length);
        return name;
    }

    /** A float scalar constant, one initializer per value. */
    String floatScalar(String hint, float value) {
        return scalars.computeIfAbsent(Float.floatToRawIntBits(value), bits -> {
            String name = fresh(hint);
            builder.initializer(name, new float[]{value});
            return name;
        });
    }

    private String initializer(ConstTensor constant, String hint) {
        if (constant.isFloat() && constant.rank() == 0) {
            return floatScalar(hint, constant.floats()[0]);
        }
        if (!constant.isFloat()) {
            String name = fresh(hint);
            builder.initializerInt64(name, constant.ints(), constant.shape());
            return name;
        }
        if (constant.size() >= HALF_PRECISION_MIN_SIZE && HalfFloat.holdsExactly(constant.floats())) {
            String half = fresh(hint + "/float16");
            builder.initializerFloat16(half, HalfFloat.encode(constant.floats()), constant.shape());
            return node("Cast", List.of(half), hint, Map.of("to", (long) OnnxModelBuilder.FLOAT));
        }
        String name = fresh(hint);
        builder.initializer(name, constant.floats(), constant.shape());
        return name;
    }

    private static boolean isIdentity(int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] != i) {
                return false;
            }
        }
        return true;
    }
}
