package io.flowpack.deploy;

import io.flowpack.deploy.cli.ModelsCommand;
import io.flowpack.deploy.cli.RunCommand;
import io.flowpack.deploy.cli.StepsCommand;
import org.springframework.boot.SpringApplication;

import java.util.Arrays;

/** One jar, two faces: {@code flowpack serve} starts the server, {@code flowpack run} processes files and exits. */
public final class FlowpackMain {
    static final String USAGE = """
            usage: flowpack <command> [options]

              serve [--server.port=8080] [--flowpack.routes-dir=./routes] [--flowpack.data-dir=./data] ...
                    start the server: job REST API (/api/jobs, OpenAPI at /v3/api-docs), routes from the
                    routes folder (reloaded on change), actuator health and Prometheus metrics, and
                    ComfyUI's server protocol on 127.0.0.1:8188 (--flowpack.comfy.runner.port=...,
                    --flowpack.comfy.runner.enabled=false turns it off)
              run <step|route.yaml> <file|folder>... --out DIR [--param name=value]...
                    run one step or a route file on the inputs, write results and audits to DIR;
                    exit code 1 when any input failed
              steps [name]
                    list the steps with their parameters (JSON descriptors)
              models import <model.json> --out DIR --name NAME [--source PKG@VER:PATH] [--licence L] ...
                    convert a TensorFlow.js model to DIR/model.onnx with DIR/manifest.json (--help for options)
            """;

    private FlowpackMain() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "serve" -> SpringApplication.run(FlowpackApplication.class, rest);
            case "run" -> System.exit(RunCommand.execute(rest));
            case "steps" -> System.exit(StepsCommand.execute(rest));
            case "models" -> System.exit(ModelsCommand.execute(rest));
            case "help", "--help", "-h" -> System.out.print(USAGE);
            default -> {
                System.err.println("unknown command '" + command + "'");
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }
}
