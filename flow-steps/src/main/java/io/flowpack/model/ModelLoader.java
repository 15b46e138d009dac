package io.flowpack.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns a {@link ModelEntry} into a {@link LoadedModel}, failing early and by name: a missing file, a file whose
 * sha256 differs from the manifest's, a file ONNX Runtime cannot read, a graph the manifest does not describe.
 */
final class ModelLoader {

    private ModelLoader() {
    }

    static LoadedModel load(ModelEntry entry, OrtSession.SessionOptions options) {
        String name = entry.name();
        ModelFile file = entry.file();
        if (!file.exists()) {
            throw ModelLoadException.of(name, "model file not found: " + file.describe());
        }
        String sha256;
        byte[] bytes = null;
        try {
            if (file instanceof ModelFile.OnDisk disk) {
                sha256 = sha256(disk);
            } else {
                try (InputStream in = file.open()) {
                    bytes = in.readAllBytes();
                }
                sha256 = hex(digest().digest(bytes));
            }
        } catch (IOException e) {
            throw ModelLoadException.of(name, "cannot read model file " + file.describe() + ": " + e.getMessage(), e);
        }
        String expected = entry.manifest().sha256();
        if (expected != null && !expected.isBlank() && !expected.strip().toLowerCase(Locale.ROOT).equals(sha256)) {
            throw ModelLoadException.of(name, "sha256 of " + file.describe() + " is " + sha256
                    + " but the manifest says " + expected.strip() + "; the file was changed or replaced");
        }
        OrtSession session;
        try {
            // a file on disk is read by ONNX Runtime itself, so a large model never passes through the heap
            session = bytes == null
                    ? OrtEnvironment.getEnvironment().createSession(file.describe(), options)
                    : OrtEnvironment.getEnvironment().createSession(bytes, options);
        } catch (OrtException e) {
            throw ModelLoadException.of(name, "file is not a valid ONNX model: " + file.describe() + ": "
                    + e.getMessage(), e);
        }
        try {
            return new LoadedModel(entry, session, sha256, ModelSignature.check(entry.manifest(), session));
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw ModelLoadException.of(name, "cannot read the model's inputs and outputs: " + e.getMessage(), e);
        }
    }

    /** Hex sha256 of a file, streamed. */
    static String sha256(ModelFile.OnDisk file) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = file.open()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException ignored) {
            // the load already failed; that failure is the one to report
        }
    }
}
