package io.flowpack.generate.onnx;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The last {@code capacity} prompts' hidden states, least recently used dropped first; thread-safe. */
final class PromptEncodings {
    private final Map<String, float[]> entries;

    PromptEncodings(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value (callers must not change it), or the computed one, cached. */
    float[] computeIfAbsent(String prompt, Function<String, float[]> encode) {
        synchronized (entries) {
            float[] cached = entries.get(prompt);
            if (cached != null) {
                return cached;
            }
        }
        float[] value = encode.apply(prompt);              // outside the lock: encoding takes a while
        synchronized (entries) {
            entries.put(prompt, value);
        }
        return value;
    }
}
