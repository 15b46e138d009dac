package io.flowpack.deploy.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsed {@code flowpack run} arguments.
 *
 * @param target a step name or a route file
 * @param inputs files and folders
 * @param out    where results, audits and failure records go
 * @param params step parameters from {@code --param name=value}
 */
record RunArguments(String target, List<Path> inputs, Path out, Map<String, String> params) {

    static RunArguments parse(String[] args) {
        List<String> positional = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--out") || arg.equals("-o")) {
                out = Path.of(value(args, ++i, arg));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else if (arg.equals("--param") || arg.equals("-p")) {
                param(params, value(args, ++i, arg));
            } else if (arg.startsWith("--param=")) {
                param(params, arg.substring(8));
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() < 2) {
            throw new IllegalArgumentException("name a step or route file and at least one input");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new RunArguments(positional.get(0), positional.subList(1, positional.size()).stream().map(Path::of).toList(),
                out, params);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return args[i];
    }

    private static void param(Map<String, String> params, String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--param needs name=value, got '" + pair + "'");
        }
        params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
}
