package io.flowpack.deploy.cli;

import io.flowpack.model.tfjs.ImportCommand;

import java.util.Arrays;

/** {@code flowpack models import …}: the model import tool (TensorFlow.js to ONNX with a manifest). */
public final class ModelsCommand {
    static final String USAGE = "usage: flowpack models import <model.json> --out <folder> --name <name> [options]"
            + " (flowpack models import --help for the options)";

    private ModelsCommand() {
    }

    public static int execute(String[] args) {
        if (args.length == 0 || !args[0].equals("import")) {
            System.err.println(args.length == 0 ? USAGE : "unknown models command '" + args[0] + "'\n" + USAGE);
            return 2;
        }
        return new ImportCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
    }
}
