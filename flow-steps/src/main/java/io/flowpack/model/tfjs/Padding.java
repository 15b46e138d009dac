package io.flowpack.model.tfjs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a convolution or pooling window meets the border: TensorFlow's SAME (output size = ceil(input / stride),
 * the odd pixel of padding at the end), VALID (no padding), or explicit pads {top, bottom, left, right}.
 */
record Padding(String mode, long[] explicit) {
    static final Padding SAME = new Padding("SAME", null);
    static final Padding VALID = new Padding("VALID", null);

    static Padding named(String name, String owner) {
        return switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "SAME" -> SAME;
            case "VALID" -> VALID;
            default -> throw new TfjsImportException(owner + " has padding '" + name + "'; supported: same, valid");
        };
    }

    static Padding explicit(long top, long bottom, long left, long right) {
        return new Padding("EXPLICIT", new long[]{top, bottom, left, right});
    }

    /** ONNX Conv/pool attributes for a window of {@code kernel} (height, width) with these strides and dilations. */
    Map<String, Object> attributes(long[] kernel, long[] strides, long[] dilations) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("kernel_shape", kernel);
        attributes.put("strides", strides);
        if (mode.equals("SAME")) {
            if (strides[0] == 1 && strides[1] == 1) { // padding independent of the input size: write it out
                long totalH = (kernel[0] - 1) * dilations[0];
                long totalW = (kernel[1] - 1) * dilations[1];
                attributes.put("pads", new long[]{totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2});
            } else {
                attributes.put("auto_pad", "SAME_UPPER");
            }
        } else if (mode.equals("EXPLICIT")) {
            attributes.put("pads", new long[]{explicit[0], explicit[2], explicit[1], explicit[3]});
        }
        return attributes;
    }
}
