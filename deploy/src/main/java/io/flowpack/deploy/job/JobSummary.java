package io.flowpack.deploy.job;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A job in a list: state and times, without inputs, steps and parts. */
@Schema(description = "A job in the list; GET /api/jobs/{id} has the details")
public record JobSummary(String id, String template, JobState state, Instant created, Instant started,
                         Instant finished, String error) {

    static JobSummary of(JobRecord job) {
        return new JobSummary(job.id(), job.template(), job.state(), job.created(), job.started(), job.finished(),
                job.error());
    }
}
