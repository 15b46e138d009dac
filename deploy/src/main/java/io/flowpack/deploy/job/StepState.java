package io.flowpack.deploy.job;

/** Where one step of a job's route stands. */
public enum StepState {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED
}
