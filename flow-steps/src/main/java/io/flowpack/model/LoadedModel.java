package io.flowpack.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

/**
 * A model ready to run: its manifest checked against the graph, its file's sha256, and one {@link OrtSession}
 * shared by every thread (ONNX Runtime's {@code run} is thread-safe). Owned and closed by {@link ModelSessions}.
 */
public final class LoadedModel {
    private final ModelEntry entry;
    private final OrtSession session;
    private final String sha256;
    private final ModelSignature signature;

    LoadedModel(ModelEntry entry, OrtSession session, String sha256, ModelSignature signature) {
        this.entry = entry;
        this.session = session;
        this.sha256 = sha256;
        this.signature = signature;
    }

    public String name() {
        return entry.name();
    }

    public ModelEntry entry() {
        return entry;
    }

    public ModelManifest manifest() {
        return entry.manifest();
    }

    public OrtSession session() {
        return session;
    }

    public OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    /** Hex sha256 of the model file as loaded (equal to the manifest's when the manifest gives one). */
    public String sha256() {
        return sha256;
    }

    public ModelSignature signature() {
        return signature;
    }

    @Override
    public String toString() {
        return "model '" + name() + "' (" + entry.file().describe() + ", sha256 " + sha256 + ")";
    }
}
