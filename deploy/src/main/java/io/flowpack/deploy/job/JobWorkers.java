package io.flowpack.deploy.job;

import io.flowpack.deploy.config.FlowpackProperties;
import io.flowpack.document.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of {@code flowpack.jobs.workers} threads taking QUEUED jobs from the database (the queue) for the
 * templates whose routes are running. At start, jobs a crash left RUNNING go back to the queue. A job whose
 * template never gets a route stays QUEUED; workers look again whenever a route starts, and every few seconds.
 * At shutdown the running jobs are interrupted and put back in the queue, before Camel stops its routes.
 */
@Component
public class JobWorkers implements SmartLifecycle, ApplicationListener<ContextClosedEvent>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final JobRepository repository;
    private final JobTemplates templates;
    private final ApplicationContext context;
    private final int workers;
    private final ScheduledExecutorService progressWriter;
    private final JobRunner runner;
    private final Map<String, RunningJob> running = new ConcurrentHashMap<>();
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean active;
    private ExecutorService pool;

    public JobWorkers(JobRepository repository, JobTemplates templates, BlobStore blobs,
                      FlowpackProperties properties, ApplicationContext context) {
        this.repository = repository;
        this.templates = templates;
        this.context = context;
        this.workers = Math.max(1, properties.jobs().workers());
        this.progressWriter = Executors.newSingleThreadScheduledExecutor(named("flowpack-job-progress"));
        this.runner = new JobRunner(templates, repository, blobs, progressWriter);
        templates.onChange(this::wake);
    }

    @Override
    public synchronized void start() {
        if (active) {
            return;
        }
        int requeued = repository.recoverInterrupted();
        if (requeued > 0) {
            LOG.info("{} job(s) were running when the server stopped; they are queued to run again", requeued);
        }
        active = true;
        pool = Executors.newFixedThreadPool(workers, named("flowpack-job"));
        for (int i = 0; i < workers; i++) {
            pool.execute(this::work);
        }
    }

    /** Tells idle workers to look for work now (a job was submitted or a template appeared). */
    public void wake() {
        if (wakeups.availablePermits() < workers) {
            wakeups.release(workers);
        }
    }

    /** Cancels a job if one of these workers runs it; false when none does. */
    boolean cancel(String jobId) {
        RunningJob job = running.get(jobId);
        if (job == null) {
            return false;
        }
        job.cancel();
        return true;
    }

    private void work() {
        while (active) {
            Optional<JobRecord> job = claim();
            if (job.isPresent()) {
                execute(job.get());
                continue;
            }
            try {
                wakeups.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<JobRecord> claim() {
        try {
            return repository.claimNext(templates.names());
        } catch (RuntimeException e) {
            LOG.error("cannot take a job from the queue: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private void execute(JobRecord job) {
        RunningJob handle = new RunningJob(job.id());
        running.put(job.id(), handle);
        try {
            // a cancel between the claim and the registration above is only in the database
            if (repository.find(job.id()).map(JobRecord::cancelRequested).orElse(false)) {
                handle.cancel();
            }
            if (!active) {
                handle.stop();
            }
            JobOutcome outcome = runner.run(job, handle);
            Thread.interrupted();
            if (outcome.state() == JobState.QUEUED) {
                repository.requeue(job.id());
            } else {
                repository.finish(job.id(), outcome.state(), outcome.error(), outcome.results());
                LOG.info("job {} ({}) {}{}", job.id(), job.template(), outcome.state(),
                        outcome.error() == null ? "" : ": " + outcome.error());
            }
        } catch (RuntimeException | Error e) {
            Thread.interrupted();
            LOG.error("job {} ({}) failed outside its route", job.id(), job.template(), e);
            try {
                repository.finish(job.id(), JobState.FAILED, FailureReason.of(e), List.of());
            } catch (RuntimeException again) {
                LOG.error("cannot record the failure of job {}: {}", job.id(), again.getMessage());
            }
        } finally {
            running.remove(job.id());
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() == context) {
            stop();
        }
    }

    /** Runs before Camel's own shutdown, so a running job does not hold Camel's graceful stop. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public synchronized void stop() {
        if (!active) {
            return;
        }
        active = false;
        running.values().forEach(RunningJob::stop);
        wakeups.release(workers);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("jobs {} did not stop within {}; they run again after the restart", running.keySet(), STOP_WAIT);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return active;
    }

    /** Stops the progress writer once the beans go away (after {@link #stop()}). */
    @jakarta.annotation.PreDestroy
    void close() throws InterruptedException {
        progressWriter.shutdown();
        progressWriter.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
