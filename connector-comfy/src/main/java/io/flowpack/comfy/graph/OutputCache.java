package io.flowpack.comfy.graph;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Node results by input signature, reused while the signature stays the same (ComfyUI's classic cache: after each
 * prompt only the entries that prompt used are kept, so memory stays bounded by one prompt's outputs).
 */
final class OutputCache {

    private final Map<String, NodeResult> entries = new HashMap<>();

    synchronized NodeResult get(String signature) {
        return entries.get(signature);
    }

    synchronized void put(String signature, NodeResult result) {
        entries.put(signature, result);
    }

    synchronized void retainOnly(Collection<String> signatures) {
        Set<String> keep = new HashSet<>(signatures);
        entries.keySet().retainAll(keep);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
