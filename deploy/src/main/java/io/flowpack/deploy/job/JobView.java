package io.flowpack.deploy.job;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job with its inputs, per-step progress and result parts. */
@Schema(description = "A job: state, times, parameters, inputs, per-step progress, failure reason and results")
public record JobView(String id, String template, JobState state, Instant created, Instant started, Instant finished,
                      Map<String, String> parameters, List<InputView> inputs, List<StepProgress> steps,
                      @Schema(description = "Why the job failed or was cancelled; null otherwise") String error,
                      List<PartView> parts) {

    static JobView of(JobRecord job, List<JobInput> inputs, List<StepProgress> steps) {
        return new JobView(job.id(), job.template(), job.state(), job.created(), job.started(), job.finished(),
                job.parameters(), inputs.stream().map(InputView::of).toList(), steps, job.error(),
                job.results().stream().map(PartView::of).toList());
    }
}
