package io.flowpack.model.tfjs;

import java.util.List;
import java.util.Map;

/**
 * The result of a conversion: the ONNX model's bytes and the names of its inputs and outputs, which keep
 * TensorFlow.js's layout.
 *
 * @param shapes the NHWC dimensions of inputs and outputs by name, -1 where they vary or are unknown; may lack
 *               a tensor whose shape the converter does not track
 */
public record ConvertedModel(byte[] onnx, String sourceFormat, List<String> inputs, List<String> outputs,
                             Map<String, long[]> shapes) {

    public ConvertedModel(byte[] onnx, String sourceFormat, List<String> inputs, List<String> outputs) {
        this(onnx, sourceFormat, inputs, outputs, Map.of());
    }
}
