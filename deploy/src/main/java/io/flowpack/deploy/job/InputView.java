package io.flowpack.deploy.job;

import io.swagger.v3.oas.annotations.media.Schema;

/** An uploaded file of a job, as clients see it. */
@Schema(description = "An input file of the job")
public record InputView(String name, String mediaType, long size, String sha256) {

    static InputView of(JobInput input) {
        return new InputView(input.name(), input.mediaType(), input.blob().size(), input.blob().sha256());
    }
}
