package io.flowpack.model.tfjs;

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
import java.util.Map;
import java.util.Random;

/**
 * Writes small TensorFlow.js models as the converter finds them on disk: {@code model.json} (layers or graph
 * format) and one weight shard.
 */
final class TfjsFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode layers;
    private final ArrayNode nodes;
    private final ArrayNode weightSpecs = JSON.createArrayNode();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private String lastLayer;

    private TfjsFixture(String format) {
        root.put("format", format);
        if (format.equals(TfjsModelFile.LAYERS)) {
            ObjectNode config = root.putObject("modelTopology").putObject("model_config")
                    .put("class_name", "Functional").putObject("config");
            layers = config.putArray("layers");
            nodes = null;
        } else {
            nodes = root.putObject("modelTopology").putArray("node");
            layers = null;
        }
        ObjectNode group = root.putArray("weightsManifest").addObject();
        group.putArray("paths").add("group1-shard1of1.bin");
        group.set("weights", weightSpecs);
    }

    /** A Functional layers model whose input layer {@code input} takes NHWC images with 3 channels. */
    static TfjsFixture layersModel(String input) {
        TfjsFixture fixture = new TfjsFixture(TfjsModelFile.LAYERS);
        ObjectNode layer = fixture.layers.addObject().put("class_name", "InputLayer").put("name", input);
        ObjectNode config = layer.putObject("config").put("name", input).put("dtype", "float32");
        config.putArray("batch_input_shape").addNull().addNull().addNull().add(3);
        layer.putArray("inbound_nodes");
        fixture.lastLayer = input;
        return fixture;
    }

    static TfjsFixture graphModel() {
        return new TfjsFixture(TfjsModelFile.GRAPH);
    }

    /** A layer called once on the outputs of {@code inbound} layers. */
    TfjsFixture layer(String className, String name, Map<String, ?> config, String... inbound) {
        ObjectNode layer = layers.addObject().put("class_name", className).put("name", name);
        ObjectNode configNode = JSON.valueToTree(config);
        configNode.put("name", name);
        layer.set("config", configNode);
        ArrayNode call = layer.putArray("inbound_nodes").addArray();
        for (String input : inbound) {
            call.addArray().add(input).add(0).add(0).addObject();
        }
        lastLayer = name;
        return this;
    }

    /** A graph node; {@code attributes} values are written as TensorFlow's AttrValue JSON. */
    TfjsFixture node(String name, String op, String[] inputs, Map<String, ?> attributes) {
        ObjectNode node = nodes.addObject().put("name", name).put("op", op);
        ArrayNode inputArray = node.putArray("input");
        for (String input : inputs) {
            inputArray.add(input);
        }
        node.set("attr", JSON.valueToTree(attributes));
        return this;
    }

    /** A graph Const node whose float32 data is in the weights. */
    TfjsFixture constant(String name, float[] values, int... shape) {
        node(name, "Const", new String[0], Map.of("dtype", Map.of("type", "DT_FLOAT")));
        return weight(name, values, shape);
    }

    TfjsFixture intConstant(String name, int[] values, int... shape) {
        node(name, "Const", new String[0], Map.of("dtype", Map.of("type", "DT_INT32")));
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(values);
        data.writeBytes(bytes.array());
        spec(name, "int32", shape);
        return this;
    }

    TfjsFixture weight(String name, float[] values, int... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        data.writeBytes(bytes.array());
        spec(name, "float32", shape);
        return this;
    }

    /** A float32 weight stored as float16 ({@code quantization: {dtype: float16}}); the values must fit exactly. */
    TfjsFixture float16Weight(String name, short[] halfBits, int... shape) {
        ByteBuffer bytes = ByteBuffer.allocate(halfBits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(halfBits);
        data.writeBytes(bytes.array());
        spec(name, "float32", shape).putObject("quantization").put("dtype", "float16");
        return this;
    }

    /** A float32 weight stored as uint8 with {@code value = q · scale + min}. */
    TfjsFixture uint8Weight(String name, byte[] quantized, float scale, float min, int... shape) {
        data.writeBytes(quantized);
        spec(name, "float32", shape).putObject("quantization").put("dtype", "uint8").put("scale", scale).put("min", min);
        return this;
    }

    private ObjectNode spec(String name, String dtype, int[] shape) {
        ObjectNode spec = weightSpecs.addObject().put("name", name).put("dtype", dtype);
        ArrayNode shapeArray = spec.putArray("shape");
        for (int size : shape) {
            shapeArray.add(size);
        }
        return spec;
    }

    /** Writes model.json and the shard into {@code folder}; a layers model's output is the last layer added. */
    Path write(Path folder) throws IOException {
        if (layers != null) {
            ObjectNode config = (ObjectNode) root.path("modelTopology").path("model_config").path("config");
            config.putArray("input_layers").addArray().add(layers.get(0).path("name").asText()).add(0).add(0);
            config.putArray("output_layers").addArray().add(lastLayer).add(0).add(0);
        }
        Files.createDirectories(folder);
        Files.write(folder.resolve("group1-shard1of1.bin"), data.toByteArray());
        Path modelJson = folder.resolve("model.json");
        Files.writeString(modelJson, JSON.writeValueAsString(root));
        return modelJson;
    }

    static float[] random(Random random, int count, double amplitude) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * amplitude);
        }
        return values;
    }

    /** TensorFlow writes string attributes base64-encoded. */
    static Map<String, String> string(String text) {
        return Map.of("s", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }
}
