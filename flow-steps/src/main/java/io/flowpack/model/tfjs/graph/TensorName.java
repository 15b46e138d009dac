package io.flowpack.model.tfjs.graph;

/**
 * One output of a graph node, as TensorFlow writes references: {@code conv1} is output 0 of node {@code conv1},
 * {@code split:1} its output 1. The ONNX tensor gets the same spelling, with {@code :0} left out.
 */
record TensorName(String node, int index) {

    static TensorName parse(String reference) {
        int colon = reference.lastIndexOf(':');
        if (colon > 0 && colon < reference.length() - 1
                && reference.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return new TensorName(reference.substring(0, colon), Integer.parseInt(reference.substring(colon + 1)));
        }
        return new TensorName(reference, 0);
    }

    @Override
    public String toString() {
        return index == 0 ? node : node + ":" + index;
    }
}
