package io.flowpack.document;

import io.flowpack.engine.AuditEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The unit that travels through a route (jadice flow's "item"): an id, processing properties, parts and
 * the audit of every step that touched it. Not thread-safe: one route works on one document at a time.
 */
public final class Document {
    /** Property holding the original file name, used to name written results. */
    public static final String NAME = "name";

    private final String id;
    private final Map<String, String> properties;
    private final List<Part> parts;
    private final List<AuditEntry> audit;

    public Document(String id, Map<String, String> properties, List<Part> parts, List<AuditEntry> audit) {
        this.id = id == null ? UUID.randomUUID().toString() : id;
        this.properties = new LinkedHashMap<>(properties == null ? Map.of() : properties);
        this.parts = new ArrayList<>(parts == null ? List.of() : parts);
        this.audit = new ArrayList<>(audit == null ? List.of() : audit);
    }

    public static Document of(String name, Part... parts) {
        Map<String, String> props = new LinkedHashMap<>();
        if (name != null) {
            props.put(NAME, name);
        }
        return new Document(null, props, List.of(parts), List.of());
    }

    public String id() {
        return id;
    }

    public Map<String, String> properties() {
        return properties;
    }

    public List<Part> parts() {
        return parts;
    }

    public List<AuditEntry> audit() {
        return audit;
    }

    /** The original file name, or the id when the document came without one. */
    public String name() {
        return properties.getOrDefault(NAME, id);
    }

    public List<Part> baseParts() {
        return parts.stream().filter(Part::isBase).toList();
    }

    /** What is handed out as results: the unprocessed parts plus the reports and review images steps deliver. */
    public List<Part> deliverables() {
        return parts.stream().filter(Part::isDeliverable).toList();
    }

    public Optional<Part> part(String partId) {
        return parts.stream().filter(p -> p.id().equals(partId)).findFirst();
    }

    /** Replaces the part with the same id (kind changes are recorded this way). */
    public void replace(Part part) {
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).id().equals(part.id())) {
                parts.set(i, part);
                return;
            }
        }
        throw new IllegalArgumentException("document " + id + " has no part " + part.id());
    }

    public void addPart(Part part) {
        parts.add(part);
    }

    public void addAudit(AuditEntry entry) {
        audit.add(entry);
    }
}
