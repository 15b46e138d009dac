package io.flowpack.model.tfjs;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code flowpack models import <model.json> --out <folder> --name <name> …}: converts a TensorFlow.js model to
 * {@code <folder>/model.onnx} and writes {@code <folder>/manifest.json} with its provenance.
 */
public final class ImportCommand {
    private final PrintStream out;
    private final PrintStream err;

    public ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the import; returns 0 on success, 1 when the model cannot be converted, 2 for wrong arguments. */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            out.print(ImportArguments.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(ImportArguments.USAGE);
            return 2;
        }
        try {
            importModel(arguments);
            return 0;
        } catch (TfjsImportException | IOException e) {
            err.println("import of " + arguments.modelJson() + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** Converts and writes the model and its manifest; returns the manifest written. */
    public ObjectNode importModel(ImportArguments arguments) throws IOException {
        TfjsModelFile source = TfjsModelFile.read(arguments.modelJson());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("name", arguments.name());
        if (arguments.sourcePackage() != null) {
            metadata.put("source", arguments.sourcePackage() + ":" + arguments.sourceFile());
        }
        if (arguments.licence() != null) {
            metadata.put("licence", arguments.licence());
        }
        ConvertedModel converted = TfjsToOnnx.convert(source, metadata);
        Files.createDirectories(arguments.out());
        Path modelFile = arguments.out().resolve(ImportManifest.MODEL_FILE);
        Files.write(modelFile, converted.onnx());
        ObjectNode manifest = ImportManifest.build(arguments, converted, ImportManifest.sha256(converted.onnx()),
                source.shards());
        Path manifestFile = arguments.out().resolve(ImportManifest.MANIFEST_FILE);
        ImportManifest.keepVerification(manifest, manifestFile);
        ImportManifest.write(manifest, manifestFile);
        out.printf("%s: %s model, %d weights → %s (%d bytes, sha256 %s), inputs %s, outputs %s%n", arguments.name(),
                converted.sourceFormat(), source.weights().size(), modelFile, converted.onnx().length,
                manifest.path("sha256").asText(), converted.inputs(), converted.outputs());
        return manifest;
    }
}
