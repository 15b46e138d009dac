package io.flowpack.model.tfjs;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.nio.FloatBuffer;
import java.util.Map;

/** Runs a converted model's single input and output in ONNX Runtime, NHWC in and out. */
final class OrtRunner {
    private OrtRunner() {
    }

    /** The output as {@code float[h][w][c]} for an input {@code float[h][w][c]} (batch 1). */
    static float[][][] run(byte[] onnx, float[][][] image) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {1, image.length, image[0].length, image[0][0].length};
        try (OrtSession session = env.createSession(onnx, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(NhwcReference.flatten(image)), shape);
             OrtSession.Result result = session.run(Map.of("input", input))) {
            OnnxTensor output = (OnnxTensor) result.get("output").orElseThrow();
            long[] outShape = output.getInfo().getShape();
            FloatBuffer values = output.getFloatBuffer();
            float[] flat = new float[values.remaining()];
            values.get(flat);
            return NhwcReference.unflatten(flat, (int) outShape[1], (int) outShape[2], (int) outShape[3]);
        }
    }
}
