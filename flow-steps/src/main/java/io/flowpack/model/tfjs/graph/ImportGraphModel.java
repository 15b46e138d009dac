package io.flowpack.model.tfjs.graph;

import io.flowpack.model.tfjs.ConvertedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command line: {@code ImportGraphModel <model.json> <model.onnx> [key=value …]} converts a TensorFlow.js graph
 * model, writing the key/value pairs into the ONNX metadata, and prints the inputs, outputs and sha256.
 */
public final class ImportGraphModel {
    private ImportGraphModel() {
    }

    public static void main(String[] args) throws IOException, NoSuchAlgorithmException {
        if (args.length < 2) {
            System.err.println("usage: ImportGraphModel <model.json> <model.onnx> [key=value ...]");
            System.exit(2);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals < 1) {
                System.err.println("metadata must be key=value, got: " + args[i]);
                System.exit(2);
            }
            metadata.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        ConvertedModel model = GraphModelImporter.convert(Path.of(args[0]), metadata);
        Path target = Path.of(args[1]);
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Files.write(target, model.onnx());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model.onnx()));
        System.out.println("inputs  " + model.inputs());
        System.out.println("outputs " + model.outputs());
        System.out.println("sha256  " + sha256 + "  " + target + " (" + model.onnx().length + " bytes)");
    }
}
