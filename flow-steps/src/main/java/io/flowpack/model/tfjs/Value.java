package io.flowpack.model.tfjs;

/**
 * A tensor of the ONNX graph under construction. TensorFlow.js tensors are NHWC; inside the ONNX graph rank-4
 * tensors are kept NCHW (what ONNX's Conv, Resize and pooling want), so only the model's inputs and outputs need
 * a Transpose. {@code channelsFirst} says that {@code name} holds the NCHW transpose of the NHWC tensor.
 *
 * @param channels the size of the channel (last NHWC) axis where known, else -1
 */
record Value(String name, int rank, boolean channelsFirst, long channels) {

    Value withName(String newName) {
        return new Value(newName, rank, channelsFirst, channels);
    }

    Value withChannels(long newChannels) {
        return new Value(name, rank, channelsFirst, newChannels);
    }

    /** The axis in {@code name}'s layout for an axis of the NHWC tensor (negative axes count from the end). */
    int axis(int nhwcAxis) {
        int axis = nhwcAxis < 0 ? nhwcAxis + rank : nhwcAxis;
        if (axis < 0 || axis >= rank) {
            throw new TfjsImportException("axis " + nhwcAxis + " is out of range for a rank-" + rank + " tensor");
        }
        if (!channelsFirst) {
            return axis;
        }
        return switch (axis) {
            case 0 -> 0;
            case 1 -> 2;
            case 2 -> 3;
            default -> 1;
        };
    }
}
