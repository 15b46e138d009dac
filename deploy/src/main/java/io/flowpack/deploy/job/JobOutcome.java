package io.flowpack.deploy.job;

import java.util.List;

/**
 * How a run of a job ended: a final state, or {@link JobState#QUEUED} when it must run again (server stopping,
 * route gone).
 */
record JobOutcome(JobState state, String error, List<ResultPart> results) {

    static JobOutcome requeue() {
        return new JobOutcome(JobState.QUEUED, null, List.of());
    }
}
