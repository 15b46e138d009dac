package io.flowpack.deploy.job;

import io.flowpack.document.BlobRef;
import io.flowpack.document.PartKind;

/**
 * A part a job produced, as stored with the job: a reference, never content.
 *
 * @param kind     {@code BASE} for a result of the route, {@code META} for the document's audit record
 * @param document the name of the input document it came from
 */
public record ResultPart(String id, String name, String mediaType, PartKind kind, String document, BlobRef blob) {
}
