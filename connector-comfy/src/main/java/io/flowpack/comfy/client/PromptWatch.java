package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The WebSocket messages of one prompt, plus the socket's drops and returns, in arrival order. */
final class PromptWatch {
    static final String DISCONNECTED = "flowpack:disconnected";
    static final String RECONNECTED = "flowpack:reconnected";

    /** One message: ComfyUI's {@code type} and {@code data}, or a connection signal. */
    record Signal(String type, JsonNode data) {
    }

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();

    void offer(String type, JsonNode data) {
        signals.add(new Signal(type, data));
    }

    /** The next signal, or null after {@code wait}. */
    Signal next(Duration wait) throws InterruptedException {
        return signals.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }
}
