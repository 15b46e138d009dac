package io.flowpack.model.tfjs.graph;

import java.util.List;

/** Writes the ONNX nodes for one TensorFlow op and defines the node's outputs. */
@FunctionalInterface
interface OpConverter {
    void convert(GraphNode node, List<TensorValue> inputs, OnnxEmitter onnx);
}
