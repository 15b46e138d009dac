package io.flowpack.model.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow.js model as stored: {@code model.json} (format, topology, weights manifest) and its weight shards.
 *
 * @param format   {@code layers-model} or {@code graph-model}
 * @param topology {@code modelTopology}: a Keras model config (layers) or a TensorFlow GraphDef (graph)
 * @param root     the whole {@code model.json}, for the parts a front end needs beyond the topology (signature)
 */
public record TfjsModelFile(Path modelJson, String format, JsonNode topology, JsonNode root,
                            Map<String, TfjsWeight> weights, List<Path> shards) {

    public static final String LAYERS = "layers-model";
    public static final String GRAPH = "graph-model";

    public static TfjsModelFile read(Path modelJson) throws IOException {
        if (!Files.isRegularFile(modelJson)) {
            throw new TfjsImportException("model file " + modelJson + " does not exist");
        }
        JsonNode root = new ObjectMapper().readTree(modelJson.toFile());
        JsonNode topology = root.path("modelTopology");
        if (!topology.isObject()) {
            throw new TfjsImportException(modelJson + " has no modelTopology: not a TensorFlow.js model.json");
        }
        String format = root.path("format").asText("");
        if (format.isEmpty()) { // older converters leave the format out
            format = topology.has("node") ? GRAPH : LAYERS;
        }
        Path folder = modelJson.toAbsolutePath().getParent();
        JsonNode manifest = root.path("weightsManifest");
        return new TfjsModelFile(modelJson, format, topology, root, WeightShards.decode(manifest, folder),
                WeightShards.files(manifest, folder));
    }

    public TfjsWeight weight(String name) {
        TfjsWeight weight = weights.get(name);
        if (weight == null) {
            throw new TfjsImportException("weight '" + name + "' is not in the weights manifest of " + modelJson);
        }
        return weight;
    }
}
