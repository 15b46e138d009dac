package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finished prompts by id, oldest first, bounded (oldest dropped). Guarded by the queue's lock. */
final class History {

    private final int maxEntries;
    private final LinkedHashMap<String, ObjectNode> entries = new LinkedHashMap<>();

    History(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    void add(String promptId, ObjectNode entry) {
        entries.remove(promptId);
        entries.put(promptId, entry);
        while (entries.size() > maxEntries) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    ObjectNode get(String promptId) {
        return entries.get(promptId);
    }

    boolean contains(String promptId) {
        return entries.containsKey(promptId);
    }

    /** ComfyUI's {@code get_history}: with a negative offset and max_items, the last max_items entries. */
    Map<String, ObjectNode> page(Integer maxItems, int offset) {
        int start = offset < 0 && maxItems != null ? entries.size() - maxItems : offset;
        Map<String, ObjectNode> page = new LinkedHashMap<>();
        int index = 0;
        for (var entry : entries.entrySet()) {
            if (index >= start) {
                if (maxItems != null && page.size() >= maxItems) {
                    break;
                }
                page.put(entry.getKey(), entry.getValue());
            }
            index++;
        }
        return page;
    }

    List<ObjectNode> all() {
        return new ArrayList<>(entries.values());
    }

    Collection<String> ids() {
        return new ArrayList<>(entries.keySet());
    }

    void clear() {
        entries.clear();
    }

    void delete(String promptId) {
        entries.remove(promptId);
    }
}
