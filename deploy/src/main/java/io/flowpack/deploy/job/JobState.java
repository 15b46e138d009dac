package io.flowpack.deploy.job;

/** The life cycle of a job, after jadice flow: queued, running, then one of three final states. */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
