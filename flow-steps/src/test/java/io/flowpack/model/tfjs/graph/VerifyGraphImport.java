package io.flowpack.model.tfjs.graph;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.model.ManifestReader;
import io.flowpack.model.ModelManifest;
import io.flowpack.model.TensorLayout;
import io.flowpack.model.TensorSpec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an imported graph model against the original: one sample photo, prepared as the manifest says, goes
 * through ONNX Runtime ({@code model.onnx}) and through TensorFlow.js on its CPU backend
 * ({@code src-test/model-verify/verify-tfjs-graph.mjs}); prints the largest absolute difference of every output
 * and, with {@code --record}, writes them into the manifest's {@code verification}. Run from the repository root:
 *
 * <pre>
 * java -cp … io.flowpack.model.tfjs.graph.VerifyGraphImport \
 *     --model flow-steps/src/main/resources/flowpack/models/nanodet --tfjs $PKG/models/nanodet.json \
 *     [--photo samples/portraits/astronaut.jpg] [--script src-test/model-verify/verify-tfjs-graph.mjs] [--record]
 * </pre>
 */
public final class VerifyGraphImport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private VerifyGraphImport() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = null;
        Path tfjs = null;
        Path photo = Path.of("samples/portraits/astronaut.jpg");
        Path script = Path.of("src-test/model-verify/verify-tfjs-graph.mjs");
        boolean record = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> folder = Path.of(args[++i]);
                case "--tfjs" -> tfjs = Path.of(args[++i]);
                case "--photo" -> photo = Path.of(args[++i]);
                case "--script" -> script = Path.of(args[++i]);
                case "--record" -> record = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (folder == null || tfjs == null) {
            System.err.println("usage: VerifyGraphImport --model <imported folder> --tfjs <original model.json> "
                    + "[--photo samples/portraits/astronaut.jpg] [--script verify-tfjs-graph.mjs] [--record]");
            System.exit(2);
        }
        Path manifestFile = folder.resolve(ModelManifest.FILE_NAME);
        ModelManifest manifest = ManifestReader.read(manifestFile);
        TensorSpec input = manifest.inputs().get(0);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(folder.resolve(manifest.file()).toString(),
                new OrtSession.SessionOptions())) {
            long[] shape = ((TensorInfo) session.getInputInfo().get(input.name()).getInfo()).getShape();
            int height = (int) shape[input.layout().heightAxis()];
            int width = (int) shape[input.layout().widthAxis()];
            Path photoFile = photo.toAbsolutePath();
            BufferedImage image = PhotoTensors.photo(photoFile.getFileName().toString(), photoFile.getParent());
            float[] values = PhotoTensors.forManifest(image, width, height, manifest.inputRange(), manifest.mean(),
                    manifest.std(), input.layout() == TensorLayout.NCHW);

            Path work = Files.createTempDirectory("verify-graph-import");
            Path inputFile = work.resolve("input.f32");
            writeFloats(inputFile, values);
            JsonNode reference = runTfjs(script, tfjs, inputFile, shape, work.resolve("tfjs"));
            deleteOnExit(work);

            Map<String, Double> differences = new LinkedHashMap<>();
            try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(values), shape);
                 OrtSession.Result result = session.run(Map.of(input.name(), tensor))) {
                Map<String, Path> tfjsFiles = new LinkedHashMap<>();
                for (JsonNode output : reference.path("outputs")) {
                    tfjsFiles.put(output.path("name").asText(), Path.of(output.path("file").asText()));
                }
                for (String name : session.getOutputNames()) { // tfjs leaves out the ":0"
                    Path tfjsFile = tfjsFiles.getOrDefault(name, tfjsFiles.get(name.replaceFirst(":0$", "")));
                    if (tfjsFile == null) {
                        throw new IllegalStateException("tfjs gave no output " + name + "; it gave "
                                + tfjsFiles.keySet());
                    }
                    FloatBuffer buffer = ((OnnxTensor) result.get(name).orElseThrow()).getFloatBuffer();
                    float[] onnx = new float[buffer.remaining()];
                    buffer.get(onnx);
                    differences.put(name, maxAbsDiff(onnx, readFloats(tfjsFile), name));
                }
            }
            double[] range = manifest.inputRange();
            String inputText = String.format(Locale.ROOT, "%s stretched to %d×%d (bilinear), levels mapped to [%s, %s], %s",
                    photo.getFileName(), width, height, number(range[0]), number(range[1]), input.layout());
            String referenceText = "@tensorflow/tfjs@" + reference.path("tfjs").asText() + " ("
                    + reference.path("backend").asText() + " backend)";
            double max = differences.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            System.out.printf(Locale.ROOT, "%s: %s vs ONNX Runtime %s on %s: max |diff| %.3g %s%n", manifest.name(),
                    referenceText, env.getVersion(), inputText, max, differences);
            if (record) {
                ObjectNode json = (ObjectNode) JSON.readTree(manifestFile.toFile());
                ObjectNode verification = json.putObject("verification");
                verification.put("reference", referenceText);
                verification.put("runtime", "ONNX Runtime " + env.getVersion() + " (Java, CPU)");
                verification.put("input", inputText);
                verification.put("maxAbsDiff", round(max));
                ObjectNode perOutput = verification.putObject("outputs");
                differences.forEach((name, diff) -> perOutput.put(name, round(diff)));
                Files.writeString(manifestFile, JSON.writeValueAsString(json) + "\n");
                System.out.println("recorded in " + manifestFile);
            }
        }
    }

    private static void deleteOnExit(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.forEach(file -> file.toFile().deleteOnExit()); // parents first: deleted last
        }
    }

    private static double maxAbsDiff(float[] onnx, float[] reference, String name) {
        if (onnx.length != reference.length) {
            throw new IllegalStateException(name + ": ONNX gives " + onnx.length + " values, tfjs " + reference.length);
        }
        double max = 0;
        for (int i = 0; i < onnx.length; i++) {
            max = Math.max(max, Math.abs(onnx[i] - reference[i]));
        }
        return max;
    }

    private static JsonNode runTfjs(Path script, Path model, Path input, long[] shape, Path outputs)
            throws IOException, InterruptedException {
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(dims.isEmpty() ? "" : ",").append(d);
        }
        Process node = new ProcessBuilder("node", script.toAbsolutePath().toString(), model.toAbsolutePath().toString(),
                input.toString(), dims.toString(), outputs.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String stdout = new String(node.getInputStream().readAllBytes());
        if (node.waitFor() != 0) {
            throw new IllegalStateException("node " + script + " failed (run npm install beside it first)");
        }
        List<String> lines = stdout.lines().filter(l -> l.startsWith("{")).toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static void writeFloats(Path file, float[] values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(file, bytes.array());
    }

    private static float[] readFloats(Path file) throws IOException {
        FloatBuffer buffer = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }

    private static BigDecimal round(double value) {
        return new BigDecimal(value).round(new MathContext(3));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
