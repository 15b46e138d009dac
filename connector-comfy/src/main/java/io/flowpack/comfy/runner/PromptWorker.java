package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.graph.ExecutionOutcome;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one thread that executes the queue in priority order. After each prompt: the terminal message, the history
 * entry, a {@code status} broadcast, and {@code executing {node: null}} — ComfyUI's order.
 */
final class PromptWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(PromptWorker.class.getName());

    private final RunnerCore core;
    private volatile boolean stopped;

    PromptWorker(RunnerCore core) {
        this.core = core;
    }

    void stop() {
        stopped = true;
        core.interrupt().request();
    }

    @Override
    public void run() {
        while (!stopped) {
            QueueItem item;
            try {
                item = core.queue().take(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (item != null) {
                runSafely(item);
            }
        }
    }

    private void runSafely(QueueItem item) {
        try {
            awaitAnswer(item);
            run(item);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "prompt " + item.promptId() + " could not be run", e);
            core.running(null, null);
            if (core.queue().running() == item) {
                core.queue().finish(item, historyEntry(item, Map.of(), Json.MAPPER.createArrayNode(), false));
            }
            new PromptEvents(core, item.promptId(), item.clientId()).done(); // the client must not wait forever
        }
    }

    /** The client must have the prompt id before the first event (ComfyUI answers before it executes). */
    private static void awaitAnswer(QueueItem item) {
        try {
            item.answered().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.fine("prompt " + item.promptId() + " runs without a confirmed answer");
        }
    }

    private void run(QueueItem item) {
        core.interrupt().reset();
        PromptEvents events = new PromptEvents(core, item.promptId(), item.clientId());
        ExecutionOutcome outcome = core.executor().execute(item.promptId(), item.validation(), item.prompt(),
                extraPngInfo(item), events, core.interrupt());
        events.finished(outcome);
        ArrayNode messages = Json.MAPPER.valueToTree(events.statusMessages());
        ObjectNode entry = historyEntry(item, outcome.outputs(), messages,
                outcome.status() == ExecutionOutcome.Status.SUCCESS);
        core.queue().finish(item, entry);
        events.done();
    }

    private static Map<String, Object> extraPngInfo(QueueItem item) {
        var info = item.extraData().get("extra_pnginfo");
        if (info == null || !info.isObject()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        info.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private static ObjectNode historyEntry(QueueItem item, Map<String, Map<String, Object>> outputs,
                                           ArrayNode messages, boolean success) {
        ObjectNode entry = Json.object();
        entry.set("prompt", Json.tree(item.tuple()));
        entry.set("outputs", Json.tree(outputs));
        ObjectNode status = entry.putObject("status");
        status.put("status_str", success ? "success" : "error");
        status.put("completed", success);
        status.set("messages", messages);
        ObjectNode meta = entry.putObject("meta");
        for (String nodeId : outputs.keySet()) {
            ObjectNode m = meta.putObject(nodeId);
            m.put("node_id", nodeId);
            m.put("display_node", nodeId);
            m.putNull("parent_node");
            m.put("real_node_id", nodeId);
        }
        return entry;
    }
}
