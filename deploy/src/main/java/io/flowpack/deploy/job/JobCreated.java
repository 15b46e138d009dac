package io.flowpack.deploy.job;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a submission: the new job's id (its URL is in the Location header). */
@Schema(description = "The id of the accepted job; poll GET /api/jobs/{id}")
public record JobCreated(String id) {
}
