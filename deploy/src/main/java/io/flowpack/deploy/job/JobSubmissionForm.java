package io.flowpack.deploy.job;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The multipart form of {@code POST /api/jobs}, for the OpenAPI description (the controller reads the request). */
@Schema(name = "JobSubmission", additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
        requiredProperties = {"template", "files"},
        description = "Files and the template; every other field is a step parameter: 'name' applies to each step "
                + "of the route that declares it, 'step.name' to that step only (e.g. factor=3, upscale.method=lanczos)")
record JobSubmissionForm(
        @Schema(description = "Template to run: the x of a route starting with job:x", example = "upscale-2x",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String template,
        @ArraySchema(minItems = 1, arraySchema = @Schema(description = "The input files, one document each; a file "
                + "<name>.mask.<ext> joins the document of <name>.<ext> as its mask"),
                schema = @Schema(type = "string", format = "binary"))
        List<String> files) {
}
