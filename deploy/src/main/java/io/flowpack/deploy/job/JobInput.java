package io.flowpack.deploy.job;

import io.flowpack.document.BlobRef;

/** One uploaded file of a job: its name, sniffed media type and where its bytes live. */
public record JobInput(String name, String mediaType, BlobRef blob) {
}
