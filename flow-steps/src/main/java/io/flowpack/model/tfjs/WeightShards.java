package io.flowpack.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the {@code weightsManifest} of a TensorFlow.js model: each group's shards are one byte stream, holding
 * the group's weights back to back, little-endian. Stored types: float32, int32, bool, float16; and quantized
 * ({@code quantization.dtype} uint8/uint16 with {@code scale} and {@code min}, or float16).
 */
public final class WeightShards {
    private WeightShards() {
    }

    /** The shard files named by the manifest, in order, resolved against the model's folder. */
    public static List<Path> files(JsonNode weightsManifest, Path folder) {
        List<Path> files = new ArrayList<>();
        for (JsonNode group : weightsManifest) {
            group.path("paths").forEach(p -> files.add(folder.resolve(p.asText())));
        }
        return files;
    }

    public static Map<String, TfjsWeight> decode(JsonNode weightsManifest, Path folder) throws IOException {
        Map<String, TfjsWeight> weights = new LinkedHashMap<>();
        for (JsonNode group : weightsManifest) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (JsonNode path : group.path("paths")) {
                Path shard = folder.resolve(path.asText());
                if (!Files.isRegularFile(shard)) {
                    throw new TfjsImportException("weight shard " + shard + " named in the weights manifest is missing");
                }
                bytes.writeBytes(Files.readAllBytes(shard));
            }
            ByteBuffer data = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            for (JsonNode spec : group.path("weights")) {
                TfjsWeight weight = decodeOne(spec, data);
                weights.put(weight.name(), weight);
            }
            if (data.hasRemaining()) {
                throw new TfjsImportException("weight shards of group " + group.path("paths")
                        + " hold " + data.remaining() + " bytes more than the manifest describes");
            }
        }
        return weights;
    }

    private static TfjsWeight decodeOne(JsonNode spec, ByteBuffer data) {
        String name = spec.path("name").asText();
        String dtype = spec.path("dtype").asText("float32");
        int[] shape = new int[spec.path("shape").size()];
        int count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = spec.path("shape").get(i).asInt();
            count *= shape[i];
        }
        JsonNode quantization = spec.path("quantization");
        String stored = quantization.isMissingNode() ? dtype : quantization.path("dtype").asText();
        int bytes = count * bytesPerValue(stored, name);
        if (data.remaining() < bytes) {
            throw new TfjsImportException("weight shards end inside weight '" + name + "' (" + bytes + " bytes needed, "
                    + data.remaining() + " left)");
        }
        ByteBuffer slice = data.slice().order(ByteOrder.LITTLE_ENDIAN).limit(bytes);
        data.position(data.position() + bytes);
        boolean integer = dtype.equals("int32") || dtype.equals("bool");
        float scale = (float) quantization.path("scale").asDouble(1);
        float min = (float) quantization.path("min").asDouble(0);
        float[] floats = new float[count];
        for (int i = 0; i < count; i++) {
            floats[i] = switch (stored) {
                case "float32" -> slice.getFloat();
                case "float16" -> HalfFloat.toFloat(slice.getShort() & 0xFFFF);
                case "int32" -> slice.getInt();
                case "bool" -> slice.get() != 0 ? 1 : 0;
                case "uint8" -> (slice.get() & 0xFF) * scale + min;
                case "uint16" -> (slice.getShort() & 0xFFFF) * scale + min;
                default -> throw new IllegalStateException(stored);
            };
        }
        if (!integer) {
            return new TfjsWeight(name, shape, dtype, floats, null);
        }
        long[] ints = new long[count];
        for (int i = 0; i < count; i++) {
            ints[i] = Math.round(floats[i]);
        }
        if (stored.equals("int32")) { // exact for values beyond float's 24-bit mantissa
            slice.rewind();
            for (int i = 0; i < count; i++) {
                ints[i] = slice.getInt();
            }
        }
        return new TfjsWeight(name, shape, dtype, null, ints);
    }

    private static int bytesPerValue(String stored, String name) {
        return switch (stored) {
            case "float32", "int32" -> 4;
            case "float16", "uint16" -> 2;
            case "uint8", "bool" -> 1;
            default -> throw new TfjsImportException("weight '" + name + "' has stored type '" + stored
                    + "'; supported: float32, float16, int32, bool, uint8/uint16 quantized");
        };
    }
}
