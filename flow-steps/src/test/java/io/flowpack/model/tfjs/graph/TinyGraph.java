package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.HalfFloat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes a small TensorFlow.js graph model the way the TensorFlow.js converter lays one out: {@code model.json}
 * with {@code modelTopology.node} (attributes in TensorFlow's JSON encoding) and a weights manifest over one
 * shard; constants' values live in the shard, float32, float16-quantized or int32.
 */
final class TinyGraph {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode nodes;
    private final ArrayNode weights = JSON.createArrayNode();
    private final ByteArrayOutputStream shard = new ByteArrayOutputStream();

    TinyGraph() {
        root.put("format", "graph-model");
        root.put("generatedBy", "flowpack test");
        nodes = root.putObject("modelTopology").putArray("node");
    }

    TinyGraph placeholder(String name, long... shape) {
        ObjectNode attr = JSON.createObjectNode();
        attr.putObject("dtype").put("type", "DT_FLOAT");
        ArrayNode dims = attr.putObject("shape").putObject("shape").putArray("dim");
        for (long d : shape) {
            dims.addObject().put("size", String.valueOf(d));
        }
        nodes.addObject().put("name", name).put("op", "Placeholder").set("attr", attr);
        return this;
    }

    /** A float32 constant. */
    TinyGraph floats(String name, float[] values, long... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return constant(name, "DT_FLOAT", "float32", null, bytes.array(), shape);
    }

    /** A float constant stored as float16 ({@code quantization.dtype: float16}), as TensorFlow.js's converter does. */
    TinyGraph halfFloats(String name, float[] values, long... shape) {
        return constant(name, "DT_FLOAT", "float32", "float16", half(values), shape);
    }

    /** A constant whose manifest dtype itself is {@code float16}. */
    TinyGraph float16(String name, float[] values, long... shape) {
        return constant(name, "DT_FLOAT", "float16", null, half(values), shape);
    }

    /** An integer constant: int32 in the shard; {@code tfType} as the node declares it (DT_INT32, DT_INT64). */
    TinyGraph ints(String name, String tfType, long[] values, long... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            bytes.putInt((int) v);
        }
        return constant(name, tfType, "int32", null, bytes.array(), shape);
    }

    TinyGraph op(String name, String op, List<String> inputs, Map<String, ObjectNode> attributes) {
        ObjectNode node = nodes.addObject().put("name", name).put("op", op);
        ArrayNode in = node.putArray("input");
        inputs.forEach(in::add);
        ObjectNode attr = node.putObject("attr");
        attr.putObject("T").put("type", "DT_FLOAT");
        attributes.forEach(attr::set);
        return this;
    }

    TinyGraph signature(String input, String... outputs) {
        ObjectNode signature = root.putObject("signature");
        signature.putObject("inputs").putObject(input).put("name", input);
        ObjectNode out = signature.putObject("outputs");
        for (String output : outputs) {
            out.putObject(output).put("name", output);
        }
        return this;
    }

    /** Writes {@code model.json} and {@code weights.bin} into {@code folder}; returns the model.json. */
    Path write(Path folder) throws IOException {
        ObjectNode group = JSON.createObjectNode();
        group.putArray("paths").add("weights.bin");
        group.set("weights", weights);
        root.putArray("weightsManifest").add(group);
        Files.createDirectories(folder);
        Files.write(folder.resolve("weights.bin"), shard.toByteArray());
        Path modelJson = folder.resolve("model.json");
        Files.writeString(modelJson, JSON.writeValueAsString(root));
        return modelJson;
    }

    static ObjectNode text(String value) {
        return JSON.createObjectNode().put("s",
                Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    static ObjectNode integer(long value) {
        return JSON.createObjectNode().put("i", String.valueOf(value));
    }

    static ObjectNode real(float value) {
        return JSON.createObjectNode().put("f", value);
    }

    static ObjectNode flag(boolean value) {
        return JSON.createObjectNode().put("b", value);
    }

    static ObjectNode integers(long... values) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode list = node.putObject("list").putArray("i");
        for (long v : values) {
            list.add(String.valueOf(v));
        }
        return node;
    }

    /** Values exactly representable in float16 ({@code k/64} for small k), so both precisions agree. */
    static float[] halfExact(java.util.Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextInt(129) - 64) / 64f;
        }
        return values;
    }

    private TinyGraph constant(String name, String tfType, String dtype, String quantized, byte[] data, long[] shape) {
        ObjectNode attr = JSON.createObjectNode();
        attr.putObject("dtype").put("type", tfType);
        ArrayNode dims = attr.putObject("value").putObject("tensor").put("dtype", tfType)
                .putObject("tensorShape").putArray("dim");
        for (long d : shape) {
            dims.addObject().put("size", String.valueOf(d));
        }
        nodes.addObject().put("name", name).put("op", "Const").set("attr", attr);
        ObjectNode spec = weights.addObject().put("name", name).put("dtype", dtype);
        ArrayNode specShape = spec.putArray("shape");
        for (long d : shape) {
            specShape.add(d);
        }
        if (quantized != null) {
            spec.putObject("quantization").put("dtype", quantized).put("original_dtype", dtype);
        }
        shard.writeBytes(data);
        return this;
    }

    private static byte[] half(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            bytes.putShort(HalfFloat.encode(v));
        }
        return bytes.array();
    }
}
