package io.flowpack.engine;

import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import io.flowpack.step.ParameterBinder;
import io.flowpack.step.Step;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Runs one step on a document: selects the {@code BASE} parts the step accepts, binds the parameters,
 * calls the step, marks the inputs {@code META}, adds the outputs and records an {@link AuditEntry}
 * whether the step succeeded or not.
 */
public final class StepEngine {
    private final BlobStore blobs;
    private final List<StepObserver> observers = new CopyOnWriteArrayList<>();

    public StepEngine(BlobStore blobs) {
        this.blobs = blobs;
    }

    public void addObserver(StepObserver observer) {
        observers.add(observer);
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** Binds {@code rawParams} and runs the step; a parameter error is thrown before anything runs. */
    public Document run(Document document, Step step, Map<String, ?> rawParams, RunOptions options)
            throws StepException {
        StepDescriptor descriptor = step.descriptor();
        Record params = ParameterBinder.bind(descriptor.name(), descriptor.parameters(), rawParams);
        return run(document, step, params, options);
    }

    public Document run(Document document, Step step, Record params, RunOptions options) throws StepException {
        StepDescriptor descriptor = step.descriptor();
        List<Part> inputs = document.baseParts().stream().filter(p -> descriptor.accepts(p.mediaType())).toList();
        StepContext ctx = new StepContext(descriptor.name(), params, document, blobs, options.progress(),
                options.cancelled(), options.imageLimits());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            if (inputs.isEmpty()) {
                throw new StepException(noInput(descriptor, document));
            }
            ctx.checkCancelled();
            ctx.progress(0, "started");
            List<Part> outputs = step.process(inputs, ctx);
            for (Part input : inputs) {
                document.replace(input.withKind(PartKind.META));
            }
            outputs.forEach(document::addPart);
            ctx.progress(1, "done");
            record(document, entry(descriptor, params, inputs, outputs, started, t0, AuditEntry.OK, null, ctx));
            return document;
        } catch (StepCancelledException e) {
            record(document, entry(descriptor, params, inputs, List.of(), started, t0, AuditEntry.CANCELLED,
                    e.getMessage(), ctx));
            throw e;
        } catch (StepException e) {
            record(document, entry(descriptor, params, inputs, List.of(), started, t0, AuditEntry.FAILED,
                    e.getMessage(), ctx));
            throw e;
        } catch (RuntimeException | OutOfMemoryError e) {
            String reason = "step '" + descriptor.name() + "' failed: " + describe(e);
            record(document, entry(descriptor, params, inputs, List.of(), started, t0, AuditEntry.FAILED,
                    reason, ctx));
            throw new StepException(reason, e);
        }
    }

    private void record(Document document, AuditEntry entry) {
        document.addAudit(entry);
        for (StepObserver observer : observers) {
            observer.finished(entry);
        }
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String noInput(StepDescriptor descriptor, Document document) {
        String has = document.baseParts().isEmpty()
                ? "no unprocessed parts"
                : document.baseParts().stream().map(p -> p.mediaType() + " '" + p.name() + "'")
                        .collect(Collectors.joining(", "));
        return "step '" + descriptor.name() + "' found no input: it accepts "
                + String.join(", ", descriptor.accepts().stream().sorted().toList()) + "; the document has " + has;
    }

    private static AuditEntry entry(StepDescriptor descriptor, Record params, List<Part> inputs, List<Part> outputs,
                                    Instant started, long t0, String outcome, String error, StepContext ctx) {
        long millis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
        return new AuditEntry(descriptor.name(), ParameterBinder.toMap(params),
                inputs.stream().map(Part::id).toList(), outputs.stream().map(Part::id).toList(),
                started, millis, outcome, error, ctx.auditDetails());
    }
}
