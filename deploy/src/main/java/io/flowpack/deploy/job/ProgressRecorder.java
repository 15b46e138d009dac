package io.flowpack.deploy.job;

import io.flowpack.engine.AuditEntry;
import io.flowpack.step.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records the per-step progress of one job. Steps report on the job's thread; the rows are written on the
 * {@code writer} thread at most once per {@code throttle}, so a chatty step costs few database writes and a
 * cancelled (interrupted) job thread never touches the database. A step's progress runs from 0 to 1 over all the
 * job's documents; steps are told apart by name.
 */
final class ProgressRecorder implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressRecorder.class);

    private final String jobId;
    private final JobRepository repository;
    private final ScheduledExecutorService writer;
    private final Duration throttle;
    private final int documents;
    private final Map<String, StepProgress> steps = new LinkedHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Object writeLock = new Object();
    private int document;
    private long version;
    private long written;

    ProgressRecorder(String jobId, List<String> stepNames, int documents, JobRepository repository,
                     ScheduledExecutorService writer, Duration throttle) {
        this.jobId = jobId;
        this.repository = repository;
        this.writer = writer;
        this.throttle = throttle;
        this.documents = Math.max(1, documents);
        stepNames.forEach(name -> steps.put(name, StepProgress.pending(name)));
    }

    synchronized void startDocument(int index) {
        document = index;
    }

    @Override
    public void progress(String step, double fraction, String message) {
        synchronized (this) {
            StepProgress current = steps.getOrDefault(step, StepProgress.pending(step));
            steps.put(step, new StepProgress(step, overall(fraction), message, StepState.RUNNING,
                    current.durationMillis()));
            version++;
        }
        scheduleFlush();
    }

    /** Takes the time and outcome of each step from a finished document's audit. */
    synchronized void documentDone(List<AuditEntry> audit, String failedStep) {
        for (AuditEntry entry : audit) {
            StepProgress current = steps.getOrDefault(entry.step(), StepProgress.pending(entry.step()));
            StepState state = switch (entry.outcome()) {
                case AuditEntry.FAILED -> StepState.FAILED;
                case AuditEntry.CANCELLED -> StepState.CANCELLED;
                default -> document == documents - 1 ? StepState.SUCCEEDED : StepState.RUNNING;
            };
            double progress = state == StepState.FAILED || state == StepState.CANCELLED
                    ? current.progress() : overall(1);
            String message = entry.error() != null ? entry.error() : current.message();
            steps.put(entry.step(), new StepProgress(entry.step(), progress, message, state,
                    current.durationMillis() + entry.durationMillis()));
        }
        // a step that failed before the engine could audit it (e.g. parameter binding) is known only by name
        if (failedStep != null && steps.containsKey(failedStep) && !settled(steps.get(failedStep).state())) {
            StepProgress current = steps.get(failedStep);
            steps.put(failedStep, new StepProgress(failedStep, current.progress(), current.message(),
                    StepState.FAILED, current.durationMillis()));
        }
        version++;
    }

    /** Settles the steps still running to the job's end and writes the rows now. */
    void finish(JobState jobState) {
        synchronized (this) {
            steps.replaceAll((name, step) -> step.state() != StepState.RUNNING ? step
                    : jobState == JobState.SUCCEEDED
                    ? new StepProgress(name, 1, step.message(), StepState.SUCCEEDED, step.durationMillis())
                    : new StepProgress(name, step.progress(), step.message(), StepState.CANCELLED,
                    step.durationMillis()));
            version++;
        }
        flush();
    }

    private static boolean settled(StepState state) {
        return state == StepState.FAILED || state == StepState.CANCELLED;
    }

    private double overall(double fraction) {
        return Math.max(0, Math.min(1, (document + fraction) / documents));
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(() -> {
                    flushScheduled.set(false);
                    flush();
                }, throttle.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                flushScheduled.set(false);
            }
        }
    }

    /** Writes the newest state unless a newer one was written already. */
    private void flush() {
        synchronized (writeLock) {
            List<StepProgress> snapshot;
            long snapshotVersion;
            synchronized (this) {
                snapshot = List.copyOf(steps.values());
                snapshotVersion = version;
            }
            if (snapshotVersion <= written) {
                return;
            }
            try {
                repository.updateSteps(jobId, snapshot);
                written = snapshotVersion;
            } catch (RuntimeException e) {
                LOG.warn("could not record the progress of job {}: {}", jobId, e.getMessage());
            }
        }
    }
}
