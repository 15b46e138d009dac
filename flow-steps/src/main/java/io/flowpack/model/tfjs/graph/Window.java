package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.TfjsImportException;

/**
 * Where a convolution or pooling window runs along one spatial axis, by TensorFlow's rules: VALID (no padding),
 * SAME (output = ceil(input / stride), the odd padding pixel after) or EXPLICIT (given before/after).
 */
record Window(long padBefore, long padAfter, long outputSize) {

    static Window along(String padding, long input, long kernel, long stride, long dilation,
                        long explicitBefore, long explicitAfter, String owner) {
        long span = (kernel - 1) * dilation + 1;
        Window window = switch (padding) {
            case "VALID" -> new Window(0, 0, Math.floorDiv(input - span, stride) + 1);
            case "SAME" -> {
                long output = Math.floorDiv(input + stride - 1, stride);
                long total = Math.max((output - 1) * stride + span - input, 0);
                yield new Window(total / 2, total - total / 2, output);
            }
            case "EXPLICIT" -> new Window(explicitBefore, explicitAfter,
                    Math.floorDiv(input + explicitBefore + explicitAfter - span, stride) + 1);
            default -> throw new TfjsImportException(owner + ": padding '" + padding
                    + "' is not supported; supported: SAME, VALID, EXPLICIT");
        };
        if (window.outputSize < 1) {
            throw new TfjsImportException(owner + ": a window of " + span + " does not fit an input of " + input);
        }
        return window;
    }
}
