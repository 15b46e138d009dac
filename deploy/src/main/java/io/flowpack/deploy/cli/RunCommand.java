package io.flowpack.deploy.cli;

import ch.qos.logback.classic.Level;
import io.flowpack.camel.FlowCamel;
import io.flowpack.camel.FlowComponent;
import io.flowpack.camel.FlowHeaders;
import io.flowpack.document.DocumentIngest;
import io.flowpack.document.FileBlobStore;
import io.flowpack.engine.StepEngine;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.model.ModelRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code flowpack run <step|route.yaml> <inputs…> --out DIR [--param name=value …]}. */
public final class RunCommand {

    private RunCommand() {
    }

    public static int execute(String[] args) {
        quietLogging();
        PrintStream err = System.err;
        RunArguments arguments;
        List<Path> files;
        try {
            arguments = RunArguments.parse(args);
            files = CliInputs.expand(arguments.inputs());
        } catch (IllegalArgumentException | IOException e) {
            err.println("flowpack run: " + e.getMessage());
            err.println("usage: flowpack run <step|route.yaml> <file|folder>... --out DIR [--param name=value]...");
            return 2;
        }
        if (files.isEmpty()) {
            err.println("flowpack run: no images or PDFs among the inputs " + arguments.inputs());
            return 2;
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("flowpack-run");
            Files.createDirectories(arguments.out());
            return run(arguments, files, work, err);
        } catch (Exception e) {
            err.println("flowpack run: " + reason(e));
            return 2;
        } finally {
            if (work != null) {
                try {
                    FileSystemUtils.deleteRecursively(work);
                } catch (IOException ignored) {
                    // a temporary folder; the system cleans it
                }
            }
        }
    }

    private static int run(RunArguments arguments, List<Path> files, Path work, PrintStream err) throws Exception {
        // the user at the command line may name any model file (a server takes models only from its folder)
        System.setProperty(ModelRegistry.ANY_PATH_PROPERTY, "true");
        FileBlobStore blobs = new FileBlobStore(work.resolve("blobs"));
        ImageLimits limits = ImageLimits.DEFAULT;
        StepRegistry steps = StepRegistry.discover();
        DocumentIngest ingest = new DocumentIngest(blobs, limits.maxBytes());
        FlowComponent flow = new FlowComponent(steps, new StepEngine(blobs), ingest, limits);
        List<String> failures = new ArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getShutdownStrategy().setTimeout(5);
            FlowCamel.install(context, flow);
            boolean routeFile = CliRoutes.isRouteFile(arguments.target());
            String entry = CliRoutes.install(context, arguments.target(), routeFile ? Map.of() : arguments.params(),
                    arguments.out());
            context.start();
            if (routeFile) {
                CliRoutes.checkParams(context, arguments.params());
            }
            ProducerTemplate producer = context.createProducerTemplate();
            if (!routeFile && steps.find(arguments.target()).map(s -> s.descriptor().oneDocument()).orElse(false)) {
                return runAsOneDocument(producer, entry, ingest, files, arguments, err);
            }
            ProgressBar bar = new ProgressBar(err, files.size());
            int done = 0;
            for (Path file : files) {
                bar.starting(done, failures.size(), file.getFileName().toString());
                Exchange result = producer.send(entry, exchange -> {
                    exchange.getIn().setBody(file.toFile());
                    exchange.getIn().setHeader(Exchange.FILE_NAME, file.getFileName().toString());
                    exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, file.getFileName().toString());
                    if (routeFile && !arguments.params().isEmpty()) {
                        exchange.getIn().setHeader(FlowHeaders.PARAMS, new LinkedHashMap<>(arguments.params()));
                    }
                });
                done++;
                if (result.getException() != null) {
                    failures.add(file.getFileName() + ": " + reason(result.getException()));
                }
                bar.show(done, failures.size(), file.getFileName().toString());
            }
        }
        err.println("done: " + (files.size() - failures.size()) + ", failed: " + failures.size()
                + " (results in " + arguments.out() + ")");
        failures.forEach(f -> err.println("  failed " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * For a step that takes all inputs as one document (e.g. {@code morph}: keyframes → one video): the files, in the
     * order given, become the parts of one document named after their folder.
     */
    private static int runAsOneDocument(ProducerTemplate producer, String entry, DocumentIngest ingest,
                                        List<Path> files, RunArguments arguments, PrintStream err) throws IOException {
        List<io.flowpack.document.Part> parts = new ArrayList<>();
        for (Path file : files) {
            parts.addAll(ingest.fromFile(file, file.getFileName().toString()).parts());
        }
        Path folder = files.get(0).toAbsolutePath().getParent();
        String name = folder != null && folder.getFileName() != null ? folder.getFileName().toString()
                : files.get(0).getFileName().toString();
        io.flowpack.document.Document document =
                io.flowpack.document.Document.of(name, parts.toArray(io.flowpack.document.Part[]::new));
        ProgressBar bar = new ProgressBar(err, 1);
        String label = files.size() + " files as one document '" + name + "'";
        bar.starting(0, 0, label);
        Exchange result = producer.send(entry, exchange -> {
            exchange.getIn().setBody(document);
            // a long single item (a video): the terminal shows the step's own progress, e.g. "frame 12 of 210"
            exchange.setProperty(FlowHeaders.PROGRESS, (io.flowpack.step.ProgressListener)
                    (step, fraction, message) -> bar.starting(0, 0, label + ": " + message));
            exchange.getIn().setHeader(Exchange.FILE_NAME, name);
            exchange.getIn().setHeader(Exchange.FILE_NAME_ONLY, name);
        });
        boolean failed = result.getException() != null;
        bar.show(1, failed ? 1 : 0, label);
        err.println("done: " + (failed ? 0 : 1) + ", failed: " + (failed ? 1 : 0) + " (" + files.size()
                + " inputs as one document; results in " + arguments.out() + ")");
        if (failed) {
            err.println("  failed " + name + ": " + reason(result.getException()));
        }
        return failed ? 1 : 0;
    }

    /** The innermost meaningful message of a Camel-wrapped failure. */
    static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null
                || cause instanceof org.apache.camel.TypeConversionException
                || cause instanceof org.apache.camel.InvalidPayloadException
                || cause instanceof org.apache.camel.FailedToCreateRouteException
                || cause instanceof org.apache.camel.FailedToStartRouteException
                || cause instanceof org.apache.camel.ResolveEndpointFailedException
                || cause instanceof org.apache.camel.RuntimeCamelException
                || cause instanceof java.lang.reflect.InvocationTargetException)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
        // a failed input is reported in the summary with its reason; Camel's stack trace would only repeat it
        if (LoggerFactory.getLogger("org.apache.camel") instanceof ch.qos.logback.classic.Logger camel) {
            camel.setLevel(Level.OFF);
        }
    }
}
