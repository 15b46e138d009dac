package io.flowpack.model.tfjs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code flowpack models import}.
 *
 * @param sourcePackage npm package and version the model comes from ({@code @scope/name@1.0.0}), or null
 * @param sourceFile    the model.json's path inside that package (or as given on the command line)
 */
public record ImportArguments(Path modelJson, Path out, String name, String task, String sourcePackage,
                              String sourceFile, String licence, Integer scale, double[] inputRange,
                              double[] outputRange, double[] mean, double[] std, Integer tileSize, Integer tileOverlap) {

    static final String USAGE = """
            usage: flowpack models import <model.json> --out <folder> --name <name> [options]
              converts a TensorFlow.js model (layers or graph format, fp32/fp16/quantized weights) to ONNX:
              writes <folder>/model.onnx and <folder>/manifest.json
              --source "<npm package@version>:<path>"   where model.json comes from (recorded with sha256s)
              --licence MIT                             the model's licence
              --task super-resolution                   task (default image-to-image)
              --scale 2                                 upscaling factor of a super-resolution model
              --input-range 0,255 --output-range 0,255  value ranges the model expects and produces
                                                        (default 0,1)
              --mean 0,0,0 --std 1,1,1                  normalisation applied after the range (default none)
              --tile 128 --overlap 12                   tile size and overlap for tiled inference
            """;

    public static ImportArguments parse(String[] args) {
        Path modelJson = null;
        Path out = null;
        String name = null;
        String task = "image-to-image";
        String source = null;
        String licence = null;
        Integer scale = null;
        double[] inputRange = {0, 1};
        double[] outputRange = {0, 1};
        double[] mean = {0, 0, 0};
        double[] std = {1, 1, 1};
        Integer tile = null;
        Integer overlap = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (modelJson != null) {
                    throw new IllegalArgumentException("one model.json only; also got '" + arg + "'");
                }
                modelJson = Path.of(arg);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--out" -> out = Path.of(value);
                case "--name" -> name = value;
                case "--task" -> task = value;
                case "--source" -> source = value;
                case "--licence", "--license" -> licence = value;
                case "--scale" -> scale = positive(arg, value);
                case "--input-range" -> inputRange = numbers(arg, value, 2);
                case "--output-range" -> outputRange = numbers(arg, value, 2);
                case "--mean" -> mean = numbers(arg, value, -1);
                case "--std" -> std = numbers(arg, value, -1);
                case "--tile" -> tile = positive(arg, value);
                case "--overlap" -> overlap = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (modelJson == null || out == null || name == null) {
            throw new IllegalArgumentException("model.json, --out and --name are required");
        }
        if (tile == null && overlap != null) {
            throw new IllegalArgumentException("--overlap needs --tile");
        }
        String sourcePackage = null;
        String sourceFile = modelJson.toString();
        if (source != null) {
            int colon = source.indexOf(':');
            sourcePackage = colon < 0 ? source : source.substring(0, colon);
            sourceFile = colon < 0 ? modelJson.getFileName().toString() : source.substring(colon + 1);
        }
        return new ImportArguments(modelJson, out, name, task, sourcePackage, sourceFile, licence, scale, inputRange,
                outputRange, mean, std, tile, tile == null ? null : overlap == null ? 0 : overlap);
    }

    private static int positive(String option, String value) {
        int number = Integer.parseInt(value);
        if (number <= 0) {
            throw new IllegalArgumentException(option + " must be positive, got " + value);
        }
        return number;
    }

    private static double[] numbers(String option, String value, int count) {
        List<String> parts = Arrays.asList(value.split(","));
        if (count > 0 && parts.size() != count) {
            throw new IllegalArgumentException(option + " takes " + count + " comma-separated numbers, got '" + value + "'");
        }
        return parts.stream().mapToDouble(p -> Double.parseDouble(p.trim())).toArray();
    }
}
