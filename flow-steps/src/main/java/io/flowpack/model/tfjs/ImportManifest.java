package io.flowpack.model.tfjs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code manifest.json} beside an imported model, the form the model registry reads: name, task,
 * file and sha256, inputs and outputs (NHWC), value ranges, normalisation, scale, tiling, licence, source files
 * with their sha256, and the numerical verification once recorded.
 */
public final class ImportManifest {
    public static final String MODEL_FILE = "model.onnx";
    public static final String MANIFEST_FILE = "manifest.json";
    /** Keeps numbers as written (0.000214 stays 0.000214 when a manifest is read and written again). */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private ImportManifest() {
    }

    static ObjectNode build(ImportArguments args, ConvertedModel model, String modelSha256, List<Path> shards)
            throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("name", args.name());
        manifest.put("task", args.task());
        manifest.put("file", MODEL_FILE);
        manifest.put("sha256", modelSha256);
        manifest.set("inputs", tensors(model.inputs(), model.shapes(), "image"));
        boolean imageOut = args.task().equals("super-resolution") || args.task().equals("image-to-image");
        manifest.set("outputs", tensors(model.outputs(), model.shapes(), imageOut ? "image" : "tensor"));
        manifest.set("inputRange", numbers(args.inputRange()));
        manifest.set("outputRange", numbers(args.outputRange()));
        manifest.set("mean", numbers(args.mean()));
        manifest.set("std", numbers(args.std()));
        if (args.scale() != null) {
            manifest.put("scale", args.scale());
        }
        if (args.tileSize() != null) {
            manifest.putObject("tile").put("size", args.tileSize()).put("overlap", args.tileOverlap());
        }
        if (args.licence() != null) {
            manifest.put("licence", args.licence());
        }
        ObjectNode source = manifest.putObject("source");
        if (args.sourcePackage() != null) {
            source.put("package", args.sourcePackage());
        }
        source.put("file", args.sourceFile());
        source.put("sha256", sha256(args.modelJson()));
        ArrayNode weights = source.putArray("weights");
        Path folder = args.modelJson().toAbsolutePath().getParent();
        for (Path shard : shards) {
            weights.addObject().put("file", folder.relativize(shard.toAbsolutePath()).toString())
                    .put("sha256", sha256(shard));
        }
        return manifest;
    }

    /** Keeps the verification of an earlier import when the model file is byte for byte the same. */
    static void keepVerification(ObjectNode manifest, Path existing) throws IOException {
        if (!Files.isRegularFile(existing)) {
            return;
        }
        JsonNode previous = JSON.readTree(existing.toFile());
        if (previous.path("sha256").asText().equals(manifest.path("sha256").asText()) && previous.has("verification")) {
            manifest.set("verification", previous.get("verification"));
        }
    }

    static void write(ObjectNode manifest, Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(manifest) + "\n");
    }

    /**
     * Roles by shape where the converter knows it: rank 4 with 3 channels is an image, with 1 channel a mask, anything
     * else a plain tensor. Without a known shape, {@code fallback}.
     */
    private static ArrayNode tensors(List<String> names, Map<String, long[]> shapes, String fallback) {
        ArrayNode array = JSON.createArrayNode();
        for (String name : names) {
            long[] shape = shapes.get(name);
            String role = shape == null ? fallback : shape.length != 4 ? "tensor"
                    : shape[3] == 3 ? "image" : shape[3] == 1 ? "mask" : "tensor";
            array.addObject().put("name", name).put("role", role).put("layout", "NHWC");
        }
        return array;
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode array = JSON.createArrayNode();
        for (double value : values) {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                array.add((long) value);
            } else {
                array.add(value);
            }
        }
        return array;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
