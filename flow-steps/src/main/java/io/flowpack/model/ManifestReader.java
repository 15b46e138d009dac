package io.flowpack.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads {@link ModelManifest}s; every failure is a {@link ModelLoadException} naming the manifest. */
public final class ManifestReader {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    private ManifestReader() {
    }

    public static ModelManifest read(Path manifest) {
        if (!Files.isRegularFile(manifest)) {
            throw new ModelLoadException("model manifest not found: " + manifest);
        }
        try (InputStream in = Files.newInputStream(manifest)) {
            return read(in, manifest.toString());
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model manifest " + manifest + ": " + e.getMessage(), e);
        }
    }

    /** @param origin where the JSON came from, for messages */
    public static ModelManifest read(InputStream in, String origin) {
        try {
            return JSON.readValue(in, ModelManifest.class);
        } catch (JacksonException e) {
            throw new ModelLoadException("model manifest " + origin + " is not valid: " + reason(e), e);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read model manifest " + origin + ": " + e.getMessage(), e);
        }
    }

    /** The innermost message: a record's own check says more than Jackson's wrapper. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
    }
}
