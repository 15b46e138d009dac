package io.flowpack.anonymizer.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes and reads the audit record as indented JSON (the audit part's content, {@value #MEDIA_TYPE}). */
public final class AuditJson {
    public static final String MEDIA_TYPE = "application/json";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addMixIn(PhaseTimings.class, TimingsWithTotal.class);

    private AuditJson() {
    }

    public static byte[] write(AnonymizationAudit audit) {
        try {
            return MAPPER.writeValueAsBytes(audit);
        } catch (IOException e) {
            throw new UncheckedIOException("audit record could not be written", e);
        }
    }

    public static AnonymizationAudit read(byte[] json) throws IOException {
        return MAPPER.readValue(json, AnonymizationAudit.class);
    }

    /** Shows the total next to the phases, for a person reading the JSON. */
    private abstract static class TimingsWithTotal {
        @JsonProperty(value = "totalMillis", access = JsonProperty.Access.READ_ONLY)
        abstract long totalMillis();
    }
}
