package io.flowpack.step;

import io.flowpack.document.BlobRef;
import io.flowpack.document.BlobStore;
import io.flowpack.document.Document;
import io.flowpack.document.Part;
import io.flowpack.imaging.ImageLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * What a running step may use: its bound parameters, the blob store, progress reporting, cancellation,
 * image limits, a logger and a place for audit details.
 */
public final class StepContext {
    private final String step;
    private final Record params;
    private final Document document;
    private final BlobStore blobs;
    private final ProgressListener progress;
    private final BooleanSupplier cancelled;
    private final ImageLimits imageLimits;
    private final Map<String, Object> auditDetails = new LinkedHashMap<>();
    private final Logger log;

    public StepContext(String step, Record params, Document document, BlobStore blobs, ProgressListener progress,
                       BooleanSupplier cancelled, ImageLimits imageLimits) {
        this.step = step;
        this.params = params;
        this.document = document;
        this.blobs = blobs;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.cancelled = cancelled == null ? () -> false : cancelled;
        this.imageLimits = imageLimits == null ? ImageLimits.DEFAULT : imageLimits;
        this.log = LoggerFactory.getLogger("io.flowpack.step." + step);
    }

    public String step() {
        return step;
    }

    public <P extends Record> P params(Class<P> type) {
        return type.cast(params);
    }

    /** The document being processed (read its name and properties; the engine changes its parts). */
    public Document document() {
        return document;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public ImageLimits imageLimits() {
        return imageLimits;
    }

    public Logger log() {
        return log;
    }

    public InputStream open(Part part) throws IOException {
        return blobs.open(part.blob());
    }

    /** A local file with the part's content (for readers that need random access, such as PDFBox). */
    public Path localFile(Part part) throws IOException {
        return blobs.localPath(part.blob()).orElseThrow(
                () -> new IOException("blob store keeps no local file for part " + part.id()));
    }

    /** Writes a new {@code BASE} part through the blob store. */
    public Part newPart(String name, String mediaType, Map<String, Object> metadata, BlobStore.ContentWriter writer)
            throws IOException {
        BlobRef ref = blobs.write(writer);
        return new Part(UUID.randomUUID().toString(), mediaType, name, null, metadata, ref);
    }

    /** Reports progress of the current step: {@code fraction} in [0, 1]. */
    public void progress(double fraction, String message) {
        progress.progress(step, Math.max(0, Math.min(1, fraction)), message);
    }

    public boolean cancelled() {
        return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Call between units of work; throws once cancellation was requested. */
    public void checkCancelled() throws StepCancelledException {
        if (cancelled()) {
            throw new StepCancelledException(step);
        }
    }

    /** Adds a detail to this step's audit entry (model hash, counts, chosen backend, ...). */
    public void audit(String key, Object value) {
        auditDetails.put(key, value);
    }

    /** The details added so far, for the engine's audit entry. */
    public Map<String, Object> auditDetails() {
        return Map.copyOf(auditDetails);
    }

    /** Wraps an I/O failure as the step's reason. */
    public StepException failure(String what, IOException e) {
        return new StepException(what + ": " + e.getMessage(), e);
    }
}
