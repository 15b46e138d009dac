package io.flowpack.deploy.job;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of the job list, newest first. */
@Schema(description = "A page of jobs, newest first; total counts all jobs matching the filter")
public record JobPage(List<JobSummary> jobs, long total, int limit, int offset) {
}
