package io.flowpack.deploy.job;

import io.flowpack.camel.FlowHeaders;
import io.flowpack.document.BlobRef;
import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.DocumentJson;
import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.document.PartKind;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Runs one claimed job: each input document (a file, with its {@code .mask} file if any: {@link JobDocuments}) goes
 * through the template's route synchronously on the calling thread, with the job's parameters, a progress recorder
 * and the cancel flag. The {@code BASE} parts of the documents afterwards are the results; each document's audit is
 * stored beside them as {@code <name>.audit.json}. The first failing document ends the job FAILED with the step's
 * reason.
 */
final class JobRunner {
    /** Header with the job's id, for routes that want it (e.g. to name written files). */
    static final String JOB_ID_HEADER = "FlowpackJobId";
    static final String CANCELLED_REASON = "cancelled on request";
    private static final Duration PROGRESS_THROTTLE = Duration.ofMillis(250);

    private final JobTemplates templates;
    private final JobRepository repository;
    private final BlobStore blobs;
    private final ScheduledExecutorService progressWriter;

    JobRunner(JobTemplates templates, JobRepository repository, BlobStore blobs,
              ScheduledExecutorService progressWriter) {
        this.templates = templates;
        this.repository = repository;
        this.blobs = blobs;
        this.progressWriter = progressWriter;
    }

    JobOutcome run(JobRecord job, RunningJob handle) {
        Optional<JobConsumer> found = templates.find(job.template());
        if (found.isEmpty()) {
            return JobOutcome.requeue(); // the route stopped between claim and run; it runs when it is back
        }
        JobConsumer consumer = found.get();
        List<String> stepNames = consumer.steps().stream().map(s -> s.implementation().descriptor().name())
                .distinct().toList();
        repository.resetSteps(job.id(), stepNames);
        List<Document> documents = JobDocuments.of(repository.inputs(job.id()));
        ProgressRecorder progress = new ProgressRecorder(job.id(), stepNames, documents.size(), repository,
                progressWriter, PROGRESS_THROTTLE);
        List<ResultPart> results = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (handle.stopRequested()) {
                return end(progress, stopped(handle, null), results);
            }
            progress.startDocument(i);
            RouteResult run = runRoute(consumer, documents.get(i), job, handle, progress);
            results.addAll(resultParts(run));
            progress.documentDone(run.document().audit(), run.failedStep());
            if (run.error() != null || handle.stopRequested()) {
                return end(progress, stopped(handle, run.error()), results);
            }
        }
        return end(progress, new JobOutcome(JobState.SUCCEEDED, null, List.of()), results);
    }

    private RouteResult runRoute(JobConsumer consumer, Document document, JobRecord job, RunningJob handle,
                                 ProgressRecorder progress) {
        Exchange exchange = consumer.createExchange(false);
        try {
            exchange.getMessage().setBody(document);
            exchange.getMessage().setHeader(FlowHeaders.PARAMS, new LinkedHashMap<>(job.parameters()));
            exchange.getMessage().setHeader(JOB_ID_HEADER, job.id());
            exchange.setProperty(FlowHeaders.PROGRESS, progress);
            exchange.setProperty(FlowHeaders.CANCELLED, (BooleanSupplier) handle::stopRequested);
            handle.enterRoute();
            try {
                consumer.getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            } finally {
                handle.leaveRoute();
            }
            Document after = exchange.getMessage().getBody() instanceof Document d ? d : document;
            return new RouteResult(after, exchange.getException(),
                    exchange.getProperty(FlowHeaders.FAILED_STEP, String.class));
        } finally {
            consumer.releaseExchange(exchange, false);
        }
    }

    /** Why a job that did not succeed ended: cancelled, stopped for shutdown (run again) or failed. */
    private static JobOutcome stopped(RunningJob handle, Throwable error) {
        if (handle.cancelled()) {
            return new JobOutcome(JobState.CANCELLED, CANCELLED_REASON, List.of());
        }
        if (handle.stopping()) {
            return JobOutcome.requeue(); // whatever the interrupted route threw, the job runs again after restart
        }
        return new JobOutcome(JobState.FAILED, FailureReason.of(error), List.of());
    }

    private static JobOutcome end(ProgressRecorder progress, JobOutcome outcome, List<ResultPart> results) {
        if (outcome.state() != JobState.QUEUED) {
            progress.finish(outcome.state());
        }
        return new JobOutcome(outcome.state(), outcome.error(), List.copyOf(results));
    }

    /** The document's unprocessed parts when the route succeeded, and its audit record in every case. */
    private List<ResultPart> resultParts(RouteResult run) {
        Document document = run.document();
        List<ResultPart> parts = new ArrayList<>();
        if (run.error() == null) {
            for (Part part : document.deliverables()) {
                String name = part.name() != null ? part.name()
                        : MediaTypes.baseName(document.name()) + "." + MediaTypes.extensionFor(part.mediaType());
                parts.add(new ResultPart(part.id(), name, part.mediaType(), part.kind(), document.name(),
                        part.blob()));
            }
        }
        try {
            BlobRef audit = blobs.put(DocumentJson.toJson(document));
            parts.add(new ResultPart(UUID.randomUUID().toString(), MediaTypes.baseName(document.name()) + ".audit.json",
                    MediaTypes.JSON, PartKind.META, document.name(), audit));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the audit of '" + document.name() + "'", e);
        }
        return parts;
    }

    private record RouteResult(Document document, Throwable error, String failedStep) {
    }
}
