package io.flowpack.deploy.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.document.BlobRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Job rows, their inputs and per-step progress in the job database; the QUEUED rows are the work queue. */
@Repository
public class JobRepository {
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() { };
    private static final TypeReference<List<ResultPart>> RESULTS = new TypeReference<>() { };
    private static final String COLUMNS =
            "id, template, state, created, started, finished, parameters, error, results, cancel_requested";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public JobRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional
    public void insert(JobRecord job, List<JobInput> inputs) {
        jdbc.sql("INSERT INTO job (id, template, state, created, parameters) VALUES (?, ?, ?, ?, ?)")
                .params(job.id(), job.template(), job.state().name(), job.created(), write(job.parameters()))
                .update();
        for (int i = 0; i < inputs.size(); i++) {
            JobInput input = inputs.get(i);
            jdbc.sql("INSERT INTO job_input (job_id, seq, name, media_type, blob_key, size_bytes, sha256)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(job.id(), i, input.name(), input.mediaType(), input.blob().key(), input.blob().size(),
                            input.blob().sha256())
                    .update();
        }
    }

    public Optional<JobRecord> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job WHERE id = ?").param(id).query(this::job).optional();
    }

    /** Newest first; {@code state} null for all. */
    public List<JobRecord> list(JobState state, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM job" + where(state)
                        + " ORDER BY created DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(stateParam(state, Map.of("limit", limit, "offset", offset)))
                .query(this::job).list();
    }

    public long count(JobState state) {
        return jdbc.sql("SELECT COUNT(*) FROM job" + where(state))
                .params(stateParam(state, Map.of()))
                .query(Long.class).single();
    }

    public List<JobInput> inputs(String jobId) {
        return jdbc.sql("SELECT name, media_type, blob_key, size_bytes, sha256 FROM job_input WHERE job_id = ? ORDER BY seq")
                .param(jobId)
                .query((rs, row) -> new JobInput(rs.getString("name"), rs.getString("media_type"),
                        new BlobRef(rs.getString("blob_key"), rs.getLong("size_bytes"), rs.getString("sha256"))))
                .list();
    }

    public List<StepProgress> steps(String jobId) {
        return jdbc.sql("SELECT step, progress, message, state, duration_millis FROM job_step WHERE job_id = ? ORDER BY seq")
                .param(jobId)
                .query((rs, row) -> new StepProgress(rs.getString("step"), rs.getDouble("progress"),
                        rs.getString("message"), StepState.valueOf(rs.getString("state")),
                        rs.getLong("duration_millis")))
                .list();
    }

    /**
     * Claims the oldest QUEUED job of one of {@code templates}: it becomes RUNNING with a fresh start time and
     * no results. Safe against other workers claiming at the same time.
     */
    public Optional<JobRecord> claimNext(Collection<String> templates) {
        if (templates.isEmpty()) {
            return Optional.empty();
        }
        while (true) {
            Optional<String> candidate = jdbc.sql("SELECT id FROM job WHERE state = 'QUEUED' AND template IN (:templates)"
                            + " ORDER BY created, id LIMIT 1")
                    .param("templates", templates)
                    .query(String.class).optional();
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            int claimed = jdbc.sql("UPDATE job SET state = 'RUNNING', started = ?, finished = NULL, error = NULL,"
                            + " results = NULL, attempts = attempts + 1 WHERE id = ? AND state = 'QUEUED'")
                    .params(Instant.now(), candidate.get())
                    .update();
            if (claimed == 1) {
                return find(candidate.get());
            }
        }
    }

    /** Starts the step rows afresh (a re-run after a crash begins at zero). */
    @Transactional
    public void resetSteps(String jobId, List<String> steps) {
        jdbc.sql("DELETE FROM job_step WHERE job_id = ?").param(jobId).update();
        for (int i = 0; i < steps.size(); i++) {
            jdbc.sql("INSERT INTO job_step (job_id, step, seq, state, progress) VALUES (?, ?, ?, ?, 0)")
                    .params(jobId, steps.get(i), i, StepState.PENDING.name())
                    .update();
        }
    }

    /** Updates the step rows; a step the route walk did not see (reached through another route) gets a new row. */
    @Transactional
    public void updateSteps(String jobId, Collection<StepProgress> steps) {
        for (StepProgress step : steps) {
            int updated = jdbc.sql("UPDATE job_step SET state = ?, progress = ?, message = ?, duration_millis = ?"
                            + " WHERE job_id = ? AND step = ?")
                    .params(step.state().name(), step.progress(), truncate(step.message()), step.durationMillis(),
                            jobId, step.step())
                    .update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO job_step (job_id, step, seq, state, progress, message, duration_millis)"
                                + " SELECT ?, ?, COALESCE(MAX(seq), -1) + 1, ?, ?, ?, ? FROM job_step WHERE job_id = ?")
                        .params(jobId, step.step(), step.state().name(), step.progress(), truncate(step.message()),
                                step.durationMillis(), jobId)
                        .update();
            }
        }
    }

    /** Records the end of a RUNNING job; false when it was not RUNNING any more. */
    public boolean finish(String jobId, JobState state, String error, List<ResultPart> results) {
        return jdbc.sql("UPDATE job SET state = ?, finished = ?, error = ?, results = ? WHERE id = ? AND state = 'RUNNING'")
                .params(state.name(), Instant.now(), error, results == null ? null : write(results), jobId)
                .update() == 1;
    }

    /** Puts a RUNNING job back in the queue (the server is stopping while it runs). */
    public void requeue(String jobId) {
        jdbc.sql("UPDATE job SET state = 'QUEUED', started = NULL WHERE id = ? AND state = 'RUNNING'")
                .param(jobId).update();
    }

    /** QUEUED → CANCELLED at once; false when the job was not QUEUED. */
    public boolean cancelQueued(String jobId) {
        return jdbc.sql("UPDATE job SET state = 'CANCELLED', finished = ?, error = ?, cancel_requested = TRUE"
                        + " WHERE id = ? AND state = 'QUEUED'")
                .params(Instant.now(), JobRunner.CANCELLED_REASON, jobId)
                .update() == 1;
    }

    /** Marks a RUNNING job for cancellation; false when it was not RUNNING. */
    public boolean requestCancel(String jobId) {
        return jdbc.sql("UPDATE job SET cancel_requested = TRUE WHERE id = ? AND state = 'RUNNING'")
                .param(jobId).update() == 1;
    }

    /**
     * After a crash: RUNNING jobs whose cancellation was requested end CANCELLED, the others go back to QUEUED
     * to run again. Returns how many were queued again.
     */
    @Transactional
    public int recoverInterrupted() {
        jdbc.sql("UPDATE job SET state = 'CANCELLED', finished = ?, error = ? WHERE state = 'RUNNING' AND cancel_requested")
                .params(Instant.now(), JobRunner.CANCELLED_REASON)
                .update();
        return jdbc.sql("UPDATE job SET state = 'QUEUED', started = NULL WHERE state = 'RUNNING'").update();
    }

    private static String where(JobState state) {
        return state == null ? "" : " WHERE state = :state";
    }

    private static Map<String, Object> stateParam(JobState state, Map<String, Object> others) {
        Map<String, Object> params = new HashMap<>(others);
        if (state != null) {
            params.put("state", state.name());
        }
        return params;
    }

    private JobRecord job(ResultSet rs, int row) throws SQLException {
        String results = rs.getString("results");
        return new JobRecord(rs.getString("id"), rs.getString("template"), JobState.valueOf(rs.getString("state")),
                rs.getObject("created", Instant.class), rs.getObject("started", Instant.class),
                rs.getObject("finished", Instant.class), read(rs.getString("parameters"), PARAMETERS),
                rs.getString("error"), results == null ? List.of() : read(results, RESULTS),
                rs.getBoolean("cancel_requested"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write job column as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job column is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
    }
}
