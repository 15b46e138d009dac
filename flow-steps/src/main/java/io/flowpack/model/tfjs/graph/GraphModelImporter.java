package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.ConvertedModel;
import io.flowpack.model.tfjs.TfjsImportException;
import io.flowpack.model.tfjs.TfjsModelFile;
import io.flowpack.onnx.OnnxModelBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Converts a TensorFlow.js graph model (a frozen TensorFlow GraphDef in {@code model.json} plus weight shards) to
 * ONNX. The model keeps its boundary as TensorFlow.js has it, names ({@code input_1:0}) and layouts (NHWC or
 * NCHW) alike; inside, each NHWC convolution, pooling or resize is wrapped in Transposes, most of which cancel
 * each other out while converting. Shapes must be static: every input has a fixed size.
 */
public final class GraphModelImporter {
    private GraphModelImporter() {
    }

    public static ConvertedModel convert(Path modelJson, Map<String, String> metadata) throws IOException {
        return convert(TfjsModelFile.read(modelJson), metadata);
    }

    /** Converts the model; {@code metadata} goes into the ONNX model's metadata_props (source, licence, …). */
    public static ConvertedModel convert(TfjsModelFile model, Map<String, String> metadata) {
        if (!model.format().equals(TfjsModelFile.GRAPH)) {
            throw new TfjsImportException(model.modelJson() + " is a " + model.format() + ", not a "
                    + TfjsModelFile.GRAPH);
        }
        GraphTopology topology = new GraphTopology(model.root());
        Path folder = model.modelJson().toAbsolutePath().getParent();
        OnnxEmitter onnx = new OnnxEmitter(folder == null ? "model" : folder.getFileName().toString());
        List<String> inputs = new ArrayList<>();
        topology.outputs().forEach(output -> reserve(onnx, output, "output"));
        for (GraphNode node : topology.order()) {
            switch (node.op()) {
                case "Const" -> Operands.define(onnx, node,
                        TensorValue.known(ConstTensor.of(model.weight(node.name()))));
                case "Placeholder" -> inputs.add(input(node, topology.inputName(node.name()), onnx));
                case "NoOp" -> { }
                default -> convertOp(node, onnx);
            }
        }
        List<String> outputs = new ArrayList<>();
        for (String output : topology.outputs()) {
            outputs.add(output(output, onnx));
        }
        onnx.builder().metadata("converter", "flowpack tfjs import (" + TfjsModelFile.GRAPH + ")");
        metadata.forEach(onnx.builder()::metadata);
        return new ConvertedModel(onnx.builder().toBytes(), TfjsModelFile.GRAPH, inputs, outputs);
    }

    private static void convertOp(GraphNode node, OnnxEmitter onnx) {
        List<TensorValue> inputs = node.inputs().stream().map(name -> onnx.value(name, node.describe())).toList();
        if (ConstantFolding.canFold(node, inputs)) {
            Operands.define(onnx, node, TensorValue.known(ConstantFolding.fold(node, inputs)));
        } else {
            SupportedOps.converter(node).convert(node, inputs, onnx);
        }
    }

    private static String input(GraphNode node, String name, OnnxEmitter onnx) {
        String type = node.attributes().type("dtype", "DT_FLOAT");
        if (!type.equals("DT_FLOAT")) {
            throw new TfjsImportException(node.describe() + ": input of type " + type
                    + "; only DT_FLOAT inputs are supported");
        }
        long[] shape = node.attributes().shape("shape");
        if (shape == null || Arrays.stream(shape).anyMatch(d -> d < 0)) {
            String known = shape == null ? "unknown" : Shapes.show(shape);
            throw new TfjsImportException(node.describe() + ": input shape " + known
                    + "; the graph-model import needs a fixed input size");
        }
        reserve(onnx, name, "input");
        onnx.builder().input(name, OnnxModelBuilder.FLOAT, shape);
        Operands.define(onnx, node, TensorValue.computed(name, shape));
        return name;
    }

    private static String output(String reference, OnnxEmitter onnx) {
        TensorValue value = onnx.value(TensorName.parse(reference), "output '" + reference + "'");
        onnx.output(onnx.tensor(value, reference + "/value"), reference, value.shape());
        return reference;
    }

    /** Claims a model input or output name before any tensor inside the graph can take it. */
    private static void reserve(OnnxEmitter onnx, String name, String kind) {
        if (!onnx.fresh(name).equals(name)) {
            throw new TfjsImportException(kind + " name '" + name + "' is used twice");
        }
    }
}
