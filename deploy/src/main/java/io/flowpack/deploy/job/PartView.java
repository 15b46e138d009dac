package io.flowpack.deploy.job;

import io.flowpack.document.PartKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** A result part of a job, as clients see it; fetch its content from {@code /api/jobs/{id}/parts/{partId}}. */
@Schema(description = "A result part: BASE for a result of the route, META for a document's audit record")
public record PartView(String id, String name, String mediaType, long size, String sha256, PartKind kind,
                       @Schema(description = "Name of the input document the part belongs to") String document) {

    static PartView of(ResultPart part) {
        return new PartView(part.id(), part.name(), part.mediaType(), part.blob().size(), part.blob().sha256(),
                part.kind(), part.document());
    }
}
