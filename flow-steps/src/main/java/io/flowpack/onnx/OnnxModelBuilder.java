package io.flowpack.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes ONNX models without a protobuf library: a graph of nodes over named tensors, float/int64 initializers,
 * typed inputs and outputs. Used by the model import tool and by tests that generate tiny models.
 * Dimensions given as {@code -1} become symbolic ({@code N}, {@code H}, {@code W}, … by position).
 */
public final class OnnxModelBuilder {
    /** ONNX TensorProto.DataType values. */
    public static final int FLOAT = 1;
    public static final int INT64 = 7;
    public static final int FLOAT16 = 10;

    private static final int IR_VERSION = 8;
    private static final String[] SYMBOLS = {"N", "D1", "D2", "D3", "D4", "D5"};

    private final String graphName;
    private final int opset;
    private final List<ProtoWriter> nodes = new ArrayList<>();
    private final List<ProtoWriter> initializers = new ArrayList<>();
    private final List<ProtoWriter> inputs = new ArrayList<>();
    private final List<ProtoWriter> outputs = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private int nodeCount;

    public OnnxModelBuilder(String graphName, int opset) {
        this.graphName = graphName;
        this.opset = opset;
    }

    public OnnxModelBuilder input(String name, int elemType, long... dims) {
        inputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    public OnnxModelBuilder output(String name, int elemType, long... dims) {
        outputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    /**
     * An input whose dimensions are named where they vary: each is a {@code Number} (a fixed size, or negative for
     * an unknown size without a name) or a {@code String} (a symbolic size, equal wherever the same name appears).
     */
    public OnnxModelBuilder input(String name, int elemType, List<?> dims) {
        inputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    /** An output with fixed, unnamed or symbolic dimensions, as for {@link #input(String, int, List)}. */
    public OnnxModelBuilder output(String name, int elemType, List<?> dims) {
        outputs.add(valueInfo(name, elemType, dims));
        return this;
    }

    /** A float constant, stored little-endian as raw data. */
    public OnnxModelBuilder initializer(String name, float[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        initializers.add(tensor(name, FLOAT, dims, raw.array()));
        return this;
    }

    public OnnxModelBuilder initializerInt64(String name, long[] data, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(data);
        initializers.add(tensor(name, INT64, dims, raw.array()));
        return this;
    }

    /** A half-precision constant from its IEEE 754 binary16 bit patterns, stored little-endian as raw data. */
    public OnnxModelBuilder initializerFloat16(String name, short[] halfBits, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(halfBits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        raw.asShortBuffer().put(halfBits);
        initializers.add(tensor(name, FLOAT16, dims, raw.array()));
        return this;
    }

    /**
     * Adds a node. Attribute values: {@code Integer}/{@code Long} (INT), {@code Float}/{@code Double} (FLOAT),
     * {@code String} (STRING), {@code long[]}/{@code int[]} (INTS), {@code float[]} (FLOATS). Attributes are
     * written sorted by name, so the same graph always gives the same bytes.
     */
    public OnnxModelBuilder node(String opType, List<String> nodeInputs, List<String> nodeOutputs,
                                 Map<String, ?> attributes) {
        ProtoWriter node = new ProtoWriter();
        nodeInputs.forEach(name -> node.string(1, name));
        nodeOutputs.forEach(name -> node.string(2, name));
        node.string(3, opType + "_" + nodeCount++);
        node.string(4, opType);
        new TreeMap<String, Object>(attributes).forEach((name, value) -> node.message(5, attribute(name, value)));
        nodes.add(node);
        return this;
    }

    public OnnxModelBuilder node(String opType, List<String> nodeInputs, List<String> nodeOutputs) {
        return node(opType, nodeInputs, nodeOutputs, Map.of());
    }

    /** A key/value pair in the model's metadata_props (e.g. the source package a model was imported from). */
    public OnnxModelBuilder metadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public byte[] toBytes() {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        graph.string(2, graphName);
        initializers.forEach(t -> graph.message(5, t));
        inputs.forEach(v -> graph.message(11, v));
        outputs.forEach(v -> graph.message(12, v));

        ProtoWriter model = new ProtoWriter();
        model.int64(1, IR_VERSION);
        model.string(2, "flowpack");
        model.message(7, graph);
        model.message(8, new ProtoWriter().string(1, "").int64(2, opset));
        metadata.forEach((k, v) -> model.message(14, new ProtoWriter().string(1, k).string(2, v)));
        return model.toBytes();
    }

    private static ProtoWriter tensor(String name, int dataType, long[] dims, byte[] raw) {
        ProtoWriter tensor = new ProtoWriter();
        for (long dim : dims) {
            tensor.int64(1, dim);
        }
        tensor.int64(2, dataType);
        tensor.string(8, name);
        tensor.bytes(9, raw);
        return tensor;
    }

    private static ProtoWriter valueInfo(String name, int elemType, long[] dims) {
        List<Object> named = new ArrayList<>();
        for (int i = 0; i < dims.length; i++) {
            named.add(dims[i] < 0 ? SYMBOLS[Math.min(i, SYMBOLS.length - 1)] + (i >= SYMBOLS.length ? "_" + i : "")
                    : (Object) dims[i]);
        }
        return valueInfo(name, elemType, named);
    }

    private static ProtoWriter valueInfo(String name, int elemType, List<?> dims) {
        ProtoWriter shape = new ProtoWriter();
        for (Object size : dims) {
            ProtoWriter dim = new ProtoWriter();
            if (size instanceof String symbol) {
                dim.string(2, symbol);
            } else if (((Number) size).longValue() >= 0) {
                dim.int64(1, ((Number) size).longValue());
            }
            shape.message(1, dim);
        }
        ProtoWriter tensorType = new ProtoWriter().int64(1, elemType).message(2, shape);
        ProtoWriter type = new ProtoWriter().message(1, tensorType);
        return new ProtoWriter().string(1, name).message(2, type);
    }

    private static ProtoWriter attribute(String name, Object value) {
        ProtoWriter attribute = new ProtoWriter().string(1, name);
        if (value instanceof Integer || value instanceof Long) {
            attribute.int64(3, ((Number) value).longValue()).int64(20, 2);
        } else if (value instanceof Float || value instanceof Double) {
            attribute.float32(2, ((Number) value).floatValue()).int64(20, 1);
        } else if (value instanceof String text) {
            attribute.string(4, text).int64(20, 3);
        } else if (value instanceof long[] longs) {
            attribute.packedInt64(8, longs).int64(20, 7);
        } else if (value instanceof int[] ints) {
            long[] longs = new long[ints.length];
            for (int i = 0; i < ints.length; i++) {
                longs[i] = ints[i];
            }
            attribute.packedInt64(8, longs).int64(20, 7);
        } else if (value instanceof float[] floats) {
            attribute.packedFloat(7, floats).int64(20, 6);
        } else {
            throw new IllegalArgumentException("unsupported attribute value for '" + name + "': " + value);
        }
        return attribute;
    }
}
