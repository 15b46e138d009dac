package io.flowpack.anonymizer.detect;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/** Runs an ONNX session on one float input and copies every float output out, by name. */
public final class OrtRun {

    private OrtRun() {
    }

    public static Map<String, float[]> run(OrtSession session, String input, float[] values, long[] shape) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            Map<String, float[]> outputs = new HashMap<>();
            for (Map.Entry<String, OnnxValue> entry : result) {
                FloatBuffer buffer = ((OnnxTensor) entry.getValue()).getFloatBuffer();
                float[] flat = new float[buffer.remaining()];
                buffer.get(flat);
                outputs.put(entry.getKey(), flat);
            }
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException("running the model failed: " + e.getMessage(), e);
        }
    }
}
