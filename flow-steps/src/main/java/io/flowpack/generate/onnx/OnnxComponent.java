package io.flowpack.generate.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.flowpack.generate.GenerationException;
import io.flowpack.model.tfjs.HalfFloat;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** One ONNX file of a pipeline (text encoder, UNet, VAE) with its session, hash and input/output descriptions. */
final class OnnxComponent implements AutoCloseable {
    private final String name;
    private final Path file;
    private final OrtSession session;
    private final String sha256;
    private final Map<String, NodeInfo> inputs;          // read once: the step loop asks for shapes every step

    private OnnxComponent(String name, Path file, OrtSession session, String sha256) {
        this.name = name;
        this.file = file;
        this.session = session;
        this.sha256 = sha256;
        try {
            this.inputs = Map.copyOf(session.getInputInfo());
        } catch (OrtException e) {
            throw new GenerationException(name + ": cannot read inputs: " + e.getMessage(), e);
        }
    }

    /**
     * @param inputs the inputs the pipeline feeds; a model with other inputs is refused by name
     */
    static OnnxComponent load(String name, Path file, int threads, Set<String> inputs) {
        return load(name, file, threads, inputs, Set.of());
    }

    /** @param optional inputs the pipeline feeds when the model has them */
    static OnnxComponent load(String name, Path file, int threads, Set<String> inputs, Set<String> optional) {
        String sha256;
        try {
            sha256 = ComponentHash.of(file);
        } catch (IOException e) {
            throw new GenerationException("cannot read " + name + " model " + file + ": " + e.getMessage(), e);
        }
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = OrtEnvironment.getEnvironment().createSession(file.toString(), options);
        } catch (OrtException e) {
            throw new GenerationException(name + " model " + file + " is not a valid ONNX model: " + e.getMessage(), e);
        }
        try {
            OnnxComponent component = new OnnxComponent(name, file, session, sha256);
            component.checkInputs(inputs, optional);
            return component;
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the check's failure is the one to report
            }
            throw e;
        }
    }

    private void checkInputs(Set<String> expected, Set<String> optional) {
        Map<String, NodeInfo> actual = inputInfo();
        for (String input : actual.keySet()) {
            if (!expected.contains(input) && !optional.contains(input)) {
                throw new GenerationException(name + " model " + file + " has the input '" + input
                        + "', which flowpack does not feed; it expects " + expected);
            }
        }
        for (String input : expected) {
            if (!actual.containsKey(input)) {
                throw new GenerationException(name + " model " + file + " has no input '" + input + "'; its inputs: "
                        + actual.keySet() + " (is this a diffusers ONNX export?)");
            }
        }
    }

    String name() {
        return name;
    }

    String sha256() {
        return sha256;
    }

    OrtSession session() {
        return session;
    }

    boolean hasInput(String input) {
        return inputs.containsKey(input);
    }

    /** Floats for a float input, in its element type (float32 or float16). */
    OnnxTensor floatInput(String input, float[] data, long... shape) {
        return Tensors.floats(inputType(input), data, shape);
    }

    /** The shape the graph declares for an input ({@code -1} where free). */
    long[] inputShape(String input) {
        return tensor(input).getShape();
    }

    OnnxJavaType inputType(String input) {
        return tensor(input).type;
    }

    /** Runs the model and returns the named output (or, if it has no such name, the first) as floats. */
    float[] run(Map<String, OnnxTensor> inputs, String output, long[] expectedShape) {
        try (OrtSession.Result result = session.run(inputs)) {
            OnnxTensor tensor = (OnnxTensor) result.get(output).orElseGet(() -> result.get(0));
            long[] shape = tensor.getInfo().getShape();
            if (expectedShape != null && !Arrays.equals(shape, expectedShape)) {
                throw new GenerationException(name + " returned a tensor of shape " + Arrays.toString(shape)
                        + ", expected " + Arrays.toString(expectedShape));
            }
            if (tensor.getInfo().type == OnnxJavaType.FLOAT16) {
                ShortBuffer halves = tensor.getShortBuffer();
                float[] values = new float[halves.remaining()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = HalfFloat.toFloat(halves.get(i) & 0xFFFF);
                }
                return values;
            }
            if (tensor.getInfo().type != OnnxJavaType.FLOAT) {
                throw new GenerationException(name + " returned " + tensor.getInfo().type
                        + "; float32 or float16 is needed");
            }
            FloatBuffer buffer = tensor.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
        } catch (OrtException e) {
            throw new GenerationException(name + " failed: " + e.getMessage(), e);
        }
    }

    /** The first output's declared shape. */
    long[] outputShape(String output) {
        try {
            NodeInfo info = session.getOutputInfo().getOrDefault(output,
                    session.getOutputInfo().values().iterator().next());
            return ((TensorInfo) info.getInfo()).getShape();
        } catch (OrtException e) {
            throw new GenerationException(name + ": cannot read outputs: " + e.getMessage(), e);
        }
    }

    private Map<String, NodeInfo> inputInfo() {
        return inputs;
    }

    private TensorInfo tensor(String input) {
        NodeInfo node = inputInfo().get(input);
        if (node == null || !(node.getInfo() instanceof TensorInfo info)) {
            throw new GenerationException(name + " input '" + input + "' is not a tensor");
        }
        return info;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing to do: the session is gone either way
        }
    }

    @Override
    public String toString() {
        return name + " (" + file + ", sha256 " + sha256 + ")";
    }
}
