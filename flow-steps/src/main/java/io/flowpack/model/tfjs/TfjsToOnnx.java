package io.flowpack.model.tfjs;

import io.flowpack.model.tfjs.graph.GraphModelImporter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Converts a TensorFlow.js model ({@code model.json} + weight shards) to ONNX. Layers models (Keras configs) go
 * through {@link LayersModelConverter}: inputs and outputs stay NHWC as in TensorFlow.js, images are NCHW inside,
 * so a Transpose stands only at each input and output. Graph models (TensorFlow GraphDefs) go through
 * {@link GraphModelImporter}, which keeps the graph's own boundary layout.
 */
public final class TfjsToOnnx {
    private TfjsToOnnx() {
    }

    /** Converts the model; {@code metadata} goes into the ONNX model's metadata_props (source, licence, …). */
    public static ConvertedModel convert(Path modelJson, Map<String, String> metadata) throws IOException {
        return convert(TfjsModelFile.read(modelJson), metadata);
    }

    public static ConvertedModel convert(TfjsModelFile model, Map<String, String> metadata) {
        if (model.format().equals(TfjsModelFile.GRAPH)) {
            return GraphModelImporter.convert(model, metadata);
        }
        String name = model.modelJson().toAbsolutePath().getParent().getFileName().toString();
        OnnxGraph graph = new OnnxGraph(name);
        if (!model.format().equals(TfjsModelFile.LAYERS)) {
            throw new TfjsImportException(model.modelJson() + " has format '" + model.format()
                    + "'; supported: " + TfjsModelFile.LAYERS + ", " + TfjsModelFile.GRAPH);
        }
        LayersModelConverter.convert(model, graph);
        graph.builder().metadata("converter", "flowpack tfjs import (" + model.format() + ")");
        metadata.forEach(graph.builder()::metadata);
        return new ConvertedModel(graph.builder().toBytes(), model.format(), graph.inputs(), graph.outputs(),
                graph.shapes());
    }
}
