package io.flowpack.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an imported model against the original TensorFlow.js model: the same photo crop goes through ONNX
 * Runtime (the imported {@code model.onnx}) and through tfjs on its CPU backend
 * ({@code src-test/model-verify/verify-tfjs.mjs}, run with {@code node}); prints the largest absolute difference
 * and, with {@code --record}, writes it into the manifest's {@code verification}.
 *
 * <pre>
 * java -cp … io.flowpack.bench.VerifyImport --model flow-steps/src/main/resources/flowpack/models/esrgan-slim-x2 \
 *     --tfjs /path/to/package/models/x2/model.json [--photo samples/coffee.jpg] [--crop 80x64] [--record]
 * </pre>
 *
 * The crop is taken from the photo's centre, RGB as stored, scaled to the manifest's {@code inputRange}.
 */
public final class VerifyImport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private VerifyImport() {
    }

    public static void main(String[] args) throws Exception {
        Path modelFolder = null;
        Path tfjsModel = null;
        Path photo = Path.of("samples/coffee.jpg");
        Path script = Path.of("src-test/model-verify/verify-tfjs.mjs");
        int width = 80;
        int height = 64;
        boolean record = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> modelFolder = Path.of(args[++i]);
                case "--tfjs" -> tfjsModel = Path.of(args[++i]);
                case "--photo" -> photo = Path.of(args[++i]);
                case "--script" -> script = Path.of(args[++i]);
                case "--crop" -> {
                    String[] size = args[++i].split("x");
                    width = Integer.parseInt(size[0]);
                    height = Integer.parseInt(size[1]);
                }
                case "--record" -> record = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (modelFolder == null || tfjsModel == null) {
            System.err.println("usage: VerifyImport --model <imported folder> --tfjs <original model.json> "
                    + "[--photo samples/coffee.jpg] [--crop 80x64] [--script verify-tfjs.mjs] [--record]");
            System.exit(2);
        }
        Path manifestFile = modelFolder.resolve("manifest.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(manifestFile.toFile());
        double low = manifest.path("inputRange").get(0).asDouble();
        double high = manifest.path("inputRange").get(1).asDouble();

        BufferedImage image = ImageIO.read(photo.toFile());
        int left = (image.getWidth() - width) / 2;
        int top = (image.getHeight() - height) / 2;
        float[] input = centreCrop(image, left, top, width, height, low, high);
        long[] shape = {1, height, width, 3};

        Path work = Files.createTempDirectory("verify-import");
        Path inputFile = work.resolve("input.f32");
        Path tfjsOutput = work.resolve("tfjs-output.f32");
        writeFloats(inputFile, input);
        JsonNode tfjs = runTfjs(script, tfjsModel, inputFile, shape, tfjsOutput);
        float[] reference = readFloats(tfjsOutput);
        float[] onnx = runOnnx(modelFolder.resolve(manifest.path("file").asText("model.onnx")), input, shape);

        if (onnx.length != reference.length) {
            throw new IllegalStateException("ONNX output has " + onnx.length + " values, tfjs " + reference.length
                    + " (tfjs shape " + tfjs.path("outputShape") + ")");
        }
        double maxDiff = 0;
        double sumDiff = 0;
        for (int i = 0; i < onnx.length; i++) {
            double diff = Math.abs(onnx[i] - reference[i]);
            maxDiff = Math.max(maxDiff, diff);
            sumDiff += diff;
        }
        String inputText = String.format(Locale.ROOT, "%s, %d×%d crop at (%d,%d), RGB scaled to [%s, %s]",
                photo.getFileName(), width, height, left, top, number(low), number(high));
        String referenceText = "@tensorflow/tfjs@" + tfjs.path("tfjs").asText() + " (" + tfjs.path("backend").asText()
                + " backend)";
        System.out.printf(Locale.ROOT, "%s: %s vs ONNX Runtime on %s: output %s, max |diff| %.6g, mean |diff| %.3g%n",
                manifest.path("name").asText(), referenceText, inputText, tfjs.path("outputShape"), maxDiff,
                sumDiff / onnx.length);
        if (record) {
            ObjectNode verification = JSON.createObjectNode();
            verification.put("reference", referenceText);
            verification.put("input", inputText);
            verification.put("maxAbsDiff", new BigDecimal(maxDiff).round(new MathContext(3)).stripTrailingZeros());
            manifest.set("verification", verification);
            Files.writeString(manifestFile, JSON.writeValueAsString(manifest) + "\n");
            System.out.println("recorded in " + manifestFile);
        }
    }

    private static float[] centreCrop(BufferedImage image, int left, int top, int width, int height,
                                      double low, double high) {
        int[] argb = image.getRGB(left, top, width, height, null, 0, width);
        float[] nhwc = new float[width * height * 3];
        double factor = (high - low) / 255.0;
        for (int i = 0; i < argb.length; i++) {
            nhwc[i * 3] = (float) (low + ((argb[i] >> 16) & 0xFF) * factor);
            nhwc[i * 3 + 1] = (float) (low + ((argb[i] >> 8) & 0xFF) * factor);
            nhwc[i * 3 + 2] = (float) (low + (argb[i] & 0xFF) * factor);
        }
        return nhwc;
    }

    private static JsonNode runTfjs(Path script, Path model, Path input, long[] shape, Path output)
            throws IOException, InterruptedException {
        String shapeText = shape[0] + "," + shape[1] + "," + shape[2] + "," + shape[3];
        Process node = new ProcessBuilder("node", script.toAbsolutePath().toString(), model.toAbsolutePath().toString(),
                input.toString(), shapeText, output.toString())
                .directory(script.toAbsolutePath().getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String stdout = new String(node.getInputStream().readAllBytes());
        if (node.waitFor() != 0) {
            throw new IllegalStateException("node " + script + " failed (did you run npm install beside it?)");
        }
        List<String> lines = stdout.lines().filter(l -> l.startsWith("{")).toList();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    private static float[] runOnnx(Path model, float[] input, long[] shape) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model.toString(), new OrtSession.SessionOptions());
             OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
             OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] values = new float[out.remaining()];
            out.get(values);
            return values;
        }
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

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
