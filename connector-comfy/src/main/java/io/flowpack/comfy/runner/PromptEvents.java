package io.flowpack.comfy.runner;

import io.flowpack.comfy.graph.ExecutionFailure;
import io.flowpack.comfy.graph.ExecutionListener;
import io.flowpack.comfy.graph.ExecutionOutcome;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns execution events into ComfyUI's WebSocket messages for one prompt: {@code execution_*}, {@code executing}
 * and {@code executed} to the prompt's client only; {@code progress}, {@code progress_state}, previews and
 * {@code execution_interrupted} to everyone when the prompt has no client. Keeps the {@code status.messages} of the
 * history entry.
 */
final class PromptEvents implements ExecutionListener {

    /** Up to this many nodes, {@code progress_state} carries every node that left "pending", as ComfyUI's does. */
    static final int FULL_SNAPSHOT_NODES = 500;

    private final RunnerCore core;
    private final String promptId;
    private final String clientId;
    private final Map<String, Map<String, Object>> progressState = new LinkedHashMap<>();
    private final List<Object> statusMessages = new ArrayList<>();

    PromptEvents(RunnerCore core, String promptId, String clientId) {
        this.core = core;
        this.promptId = promptId;
        this.clientId = clientId;
    }

    List<Object> statusMessages() {
        return statusMessages;
    }

    @Override
    public void executionStarted() {
        recorded("execution_start", timestamped(new LinkedHashMap<>()), false);
    }

    @Override
    public void executionCached(List<String> nodeIds) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodes", nodeIds);
        recorded("execution_cached", timestamped(data), false);
    }

    @Override
    public void nodeStarted(String nodeId) {
        core.running(clientId, nodeId);
        updateState(nodeId, 0.0, 1.0, "running");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("node", nodeId);
        data.put("display_node", nodeId);
        data.put("prompt_id", promptId);
        toClient("executing", data);
    }

    @Override
    public void nodeProgress(String nodeId, long value, long max) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("value", value);
        data.put("max", max);
        data.put("prompt_id", promptId);
        data.put("node", nodeId);
        toClientOrAll("progress", data);
        updateState(nodeId, value, max, "running");
    }

    @Override
    public void nodePreview(String nodeId, BufferedImage image) {
        sendFrame(nodeId, PreviewFrames.jpeg(image), PreviewFrames.FORMAT_JPEG, "image/jpeg");
    }

    @Override
    public void nodeImage(String nodeId, BufferedImage image) {
        try {
            sendFrame(nodeId, ImageFiles.png(image), PreviewFrames.FORMAT_PNG, "image/png");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void sendFrame(String nodeId, byte[] encoded, int format, String mimeType) {
        if (clientId == null) {
            core.sessions().broadcastBinary(PreviewFrames.legacy(encoded, format));
        } else if (core.sessions().wantsPreviewMetadata(clientId)) {
            core.sessions().sendBinary(clientId, PreviewFrames.withMetadata(encoded, mimeType, promptId, nodeId));
        } else {
            core.sessions().sendBinary(clientId, PreviewFrames.legacy(encoded, format));
        }
    }

    @Override
    public void nodeExecuted(String nodeId, Map<String, Object> ui) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("node", nodeId);
        data.put("display_node", nodeId);
        data.put("output", ui);
        data.put("prompt_id", promptId);
        toClient("executed", data);
    }

    @Override
    public void nodeFinished(String nodeId) {
        Map<String, Object> state = progressState.get(nodeId);
        Object max = state != null ? state.get("max") : 1.0;
        updateState(nodeId, max, max, "finished");
        core.running(clientId, null);
    }

    /** Sends and records {@code execution_success}, {@code execution_error} or {@code execution_interrupted}. */
    void finished(ExecutionOutcome outcome) {
        core.running(null, null);
        ExecutionFailure failure = outcome.failure();
        switch (outcome.status()) {
            case SUCCESS -> recorded("execution_success", timestamped(new LinkedHashMap<>()), false);
            case INTERRUPTED -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("prompt_id", promptId);
                data.put("node_id", failure.nodeId());
                data.put("node_type", failure.nodeType());
                data.put("executed", outcome.executed());
                data.put("timestamp", System.currentTimeMillis());
                recorded("execution_interrupted", data, true);
            }
            case ERROR -> {
                updateState(failure.nodeId(), 0.0, 1.0, "error");
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("prompt_id", promptId);
                data.put("node_id", failure.nodeId());
                data.put("node_type", failure.nodeType());
                data.put("executed", outcome.executed());
                data.put("exception_message", failure.exceptionMessage());
                data.put("exception_type", failure.exceptionType());
                data.put("traceback", failure.traceback());
                data.put("current_inputs", failure.currentInputs());
                data.put("current_outputs", failure.currentOutputs());
                data.put("timestamp", System.currentTimeMillis());
                recorded("execution_error", data, false);
            }
        }
    }

    /** {@code executing {node: null}}: the last message of a prompt. */
    void done() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("node", null);
        data.put("prompt_id", promptId);
        toClient("executing", data);
    }

    private Map<String, Object> timestamped(Map<String, Object> data) {
        data.put("prompt_id", promptId);
        data.put("timestamp", System.currentTimeMillis());
        return data;
    }

    private void recorded(String type, Map<String, Object> data, boolean broadcastWithoutClient) {
        statusMessages.add(List.of(type, data));
        if (broadcastWithoutClient) {
            toClientOrAll(type, data);
        } else {
            toClient(type, data);
        }
    }

    private void updateState(String nodeId, Object value, Object max, String state) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("value", value);
        entry.put("max", max);
        entry.put("state", state);
        entry.put("node_id", nodeId);
        entry.put("prompt_id", promptId);
        entry.put("display_node_id", nodeId);
        entry.put("parent_node_id", null);
        entry.put("real_node_id", nodeId);
        progressState.put(nodeId, entry);
        Map<String, Object> nodes = new LinkedHashMap<>();
        if (progressState.size() <= FULL_SNAPSHOT_NODES) {
            nodes.putAll(progressState);
        } else { // very large prompts: the snapshot would grow with every message; send what is still open
            progressState.forEach((id, e) -> {
                if (!"finished".equals(e.get("state")) || id.equals(nodeId)) {
                    nodes.put(id, e);
                }
            });
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prompt_id", promptId);
        data.put("nodes", nodes);
        toClientOrAll("progress_state", data);
    }

    private void toClient(String type, Object data) {
        if (clientId != null) {
            core.sessions().send(clientId, Json.message(type, data));
        }
    }

    private void toClientOrAll(String type, Object data) {
        if (clientId != null) {
            core.sessions().send(clientId, Json.message(type, data));
        } else {
            core.sessions().broadcast(Json.message(type, data));
        }
    }
}
