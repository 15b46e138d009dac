package io.flowpack.model.tfjs.graph;

/**
 * A tensor of the graph being converted, always with its static shape: either computed by the ONNX graph
 * ({@code onnxName}) or known while converting ({@code constant}), which becomes an initializer only where a
 * computed tensor needs it.
 */
record TensorValue(String onnxName, long[] shape, ConstTensor constant) {

    static TensorValue computed(String onnxName, long[] shape) {
        return new TensorValue(onnxName, shape, null);
    }

    static TensorValue known(ConstTensor constant) {
        return new TensorValue(null, constant.shape(), constant);
    }

    boolean isConstant() {
        return constant != null;
    }

    int rank() {
        return shape.length;
    }
}
