package io.flowpack.document;

import java.util.Map;
import java.util.UUID;

/**
 * One piece of a {@link Document}: a reference to bytes, their media type, a file name, a kind and free metadata.
 *
 * @param id        unique within the document
 * @param mediaType e.g. {@code image/jpeg}
 * @param name      file name used when the part is written out, e.g. {@code house-x2.png}
 * @param kind      {@link PartKind#BASE} to be processed by the next step, {@link PartKind#META} to be skipped
 * @param metadata  free key/value metadata (width, height, page, source part id, ...)
 * @param blob      where the bytes live
 */
public record Part(String id, String mediaType, String name, PartKind kind, Map<String, Object> metadata, BlobRef blob) {
    /**
     * Metadata key: a {@code META} part with {@code deliver=true} (a step's report or review image) is written out and
     * listed with the results like a {@code BASE} part, but later steps do not process it.
     */
    public static final String DELIVER = "deliver";

    public Part {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("part id must not be empty");
        }
        if (mediaType == null || mediaType.isBlank()) {
            throw new IllegalArgumentException("part media type must not be empty");
        }
        if (blob == null) {
            throw new IllegalArgumentException("part " + id + " has no blob");
        }
        kind = kind == null ? PartKind.BASE : kind;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public static Part base(String mediaType, String name, BlobRef blob, Map<String, Object> metadata) {
        return new Part(UUID.randomUUID().toString(), mediaType, name, PartKind.BASE, metadata, blob);
    }

    public Part withKind(PartKind newKind) {
        return new Part(id, mediaType, name, newKind, metadata, blob);
    }

    /** Whether the part is a result to hand out: {@code BASE}, or {@code META} marked {@link #DELIVER}. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isDeliverable() {
        return isBase() || Boolean.TRUE.equals(metadata.get(DELIVER));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isBase() {
        return kind == PartKind.BASE;
    }
}
