package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * One {@link ComfyClient#run}: queue, follow the WebSocket (the prompt ends with {@code executing {node: null}}), ask
 * {@code /history} and {@code /queue} when the socket is silent or was down, and queue again (or fail) when a server
 * restart lost the prompt.
 */
final class PromptRun {
    private static final Logger LOG = LoggerFactory.getLogger(PromptRun.class);
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration CHECK_WHILE_DOWN = Duration.ofSeconds(1);
    private static final Duration HISTORY_GRACE = Duration.ofSeconds(3);

    private enum Status { DONE, RUNNING, LOST, UNKNOWN }

    private final ComfyClient client;
    private final ComfyServerSettings settings;
    private final JsonNode workflow;
    private final ComfyProgress progress;
    private final BooleanSupplier cancelled;
    private final long deadline;

    PromptRun(ComfyClient client, JsonNode workflow, ComfyProgress progress, BooleanSupplier cancelled) {
        this.client = client;
        this.settings = client.settings();
        this.workflow = workflow;
        this.progress = progress;
        this.cancelled = cancelled;
        this.deadline = System.nanoTime() + settings.promptTimeout().toNanos();
    }

    PromptResult execute() {
        int resubmits = 0;
        while (true) {
            String promptId = UUID.randomUUID().toString();
            PromptWatch watch = client.watch(promptId);
            String queuedId = promptId;
            try {
                QueuedPrompt queued = resubmits == 0 ? client.queue(workflow, promptId) : queueAgain(promptId);
                queuedId = queued.promptId();
                if (!queuedId.equals(promptId)) { // a server that ignores client-chosen ids
                    client.watch(queuedId, watch);
                }
                if (!queued.nodeErrors().isEmpty()) {
                    client.cancel(queued.promptId());
                    throw new PromptRejectedException(settings.name(), "prompt_outputs_failed_validation",
                            "some outputs failed validation and were dropped", null, queued.nodeErrors());
                }
                Optional<PromptResult> result = follow(queued.promptId(), watch, resubmits);
                if (result.isPresent()) {
                    return result.get();
                }
            } finally {
                client.unwatch(promptId);
                client.unwatch(queuedId);
            }
            if (settings.onLostPrompt() == LostPromptPolicy.RESUBMIT && resubmits < settings.maxResubmits()) {
                resubmits++;
                LOG.warn("ComfyUI server '{}' lost prompt {} (restart?); queueing it again ({} of {})",
                        settings.name(), queuedId, resubmits, settings.maxResubmits());
                continue;
            }
            throw new PromptLostException("ComfyUI server '" + settings.name() + "' lost prompt " + queuedId
                    + ": the WebSocket dropped and afterwards the prompt was in neither /queue nor /history"
                    + " (the server restarted?); " + (settings.onLostPrompt() == LostPromptPolicy.FAIL
                    ? "on-lost-prompt is 'fail'" : "gave up after " + resubmits + " resubmits"), queuedId);
        }
    }

    /** Queues a lost prompt again; a server still restarting is retried with back-off until the deadline. */
    private QueuedPrompt queueAgain(String promptId) {
        long delay = 100;
        while (true) {
            try {
                return client.queue(workflow, promptId);
            } catch (ComfyConnectionException e) {
                if (System.nanoTime() + delay * 1_000_000 >= deadline || cancelled.getAsBoolean()) {
                    throw e;
                }
                LOG.debug("ComfyUI server '{}' not back yet: {}", settings.name(), e.getMessage());
                sleep(Duration.ofMillis(delay));
                delay = Math.min(2000, delay * 2);
            }
        }
    }

    /** The result, or empty when the prompt was lost. */
    private Optional<PromptResult> follow(String promptId, PromptWatch watch, int resubmits) {
        Followed state = new Followed(promptId);
        boolean socketDown = !client.socketOpen();
        long lastCheck = System.nanoTime();
        report(state);
        while (true) {
            if (cancelled.getAsBoolean()) {
                client.cancel(promptId);
                throw new PromptInterruptedException("ComfyUI server '" + settings.name() + "': prompt " + promptId
                        + " was cancelled by the caller", promptId);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                client.cancel(promptId);
                throw new PromptTimeoutException("ComfyUI server '" + settings.name() + "': prompt " + promptId
                        + " did not finish within " + settings.promptTimeout() + "; it was interrupted", promptId);
            }
            PromptWatch.Signal signal = next(watch, Math.min(left, TICK.toNanos()));
            long sinceCheck = System.nanoTime() - lastCheck;
            if (signal == null) {
                Duration every = socketDown ? CHECK_WHILE_DOWN : settings.pollInterval();
                if (sinceCheck >= every.toNanos()) {
                    lastCheck = System.nanoTime();
                    Status status = check(promptId);
                    if (status == Status.DONE) {
                        return Optional.of(finish(state, resubmits));
                    } else if (status == Status.LOST) {
                        return Optional.empty();
                    }
                }
                continue;
            }
            lastCheck = System.nanoTime();
            switch (signal.type() == null ? "" : signal.type()) {
                case PromptWatch.DISCONNECTED -> socketDown = true;
                case PromptWatch.RECONNECTED -> {
                    socketDown = false;
                    Status status = check(promptId);
                    if (status == Status.DONE) {
                        return Optional.of(finish(state, resubmits));
                    } else if (status == Status.LOST) {
                        return Optional.empty();
                    }
                }
                case "execution_cached" -> {
                    signal.data().path("nodes").forEach(n -> state.cached.add(n.asText()));
                    report(state);
                }
                case "executing" -> {
                    JsonNode node = signal.data().get("node");
                    if (node == null || node.isNull()) {
                        return Optional.of(finish(state, resubmits));
                    }
                    if (state.current != null) {
                        state.done.add(state.current);
                    }
                    state.current = node.asText();
                    state.value = 0;
                    state.max = 1;
                    report(state);
                }
                case "progress" -> {
                    state.value = signal.data().path("value").asLong();
                    state.max = Math.max(1, signal.data().path("max").asLong(1));
                    report(state);
                }
                case "executed" -> collect(state.executed, ComfyJson.text(signal.data(), "node"),
                        signal.data().path("output"));
                case "execution_error" -> {
                    // an ExecutionBlocker's message: reported as an error, but the prompt goes on (reference §12.16)
                    if (!"ExecutionBlocked".equals(ComfyJson.text(signal.data(), "exception_type"))) {
                        state.error = signal.data();
                    }
                }
                case "execution_interrupted" -> state.interrupted = signal.data();
                default -> { }
            }
        }
    }

    /** History first, then the queue, then history again (the prompt may finish between the two calls). */
    private Status check(String promptId) {
        try {
            if (client.history(promptId).isPresent()) {
                return Status.DONE;
            }
            if (client.isQueued(promptId)) {
                return Status.RUNNING;
            }
            return client.history(promptId).isPresent() ? Status.DONE : Status.LOST;
        } catch (ComfyException e) {
            LOG.debug("ComfyUI server '{}': status of prompt {} unknown: {}", settings.name(), promptId, e.getMessage());
            return Status.UNKNOWN;
        }
    }

    private PromptResult finish(Followed state, int resubmits) {
        if (state.error != null) {
            throw PromptErrors.failed(settings.name(), state.promptId, state.error);
        }
        if (state.interrupted != null) {
            throw PromptErrors.interrupted(settings.name(), state.promptId, state.interrupted);
        }
        Optional<JsonNode> history = historyAfterEnd(state.promptId);
        List<OutputImage> images = new ArrayList<>();
        if (history.isPresent()) {
            failIfUnsuccessful(state.promptId, history.get());
            Iterator<Map.Entry<String, JsonNode>> outputs = history.get().path("outputs").fields();
            while (outputs.hasNext()) {
                Map.Entry<String, JsonNode> output = outputs.next();
                collect(images, output.getKey(), output.getValue());
            }
        } else {
            LOG.warn("ComfyUI server '{}': no history for finished prompt {}; using the WebSocket's outputs",
                    settings.name(), state.promptId);
            images.addAll(state.executed);
        }
        images.sort(Comparator.comparing(OutputImage::nodeId, NodeIds::compare));
        state.current = null;
        state.finished = true;
        report(state);
        return new PromptResult(state.promptId, images, List.copyOf(state.cached), resubmits);
    }

    private void failIfUnsuccessful(String promptId, JsonNode entry) {
        JsonNode status = entry.path("status");
        if (!"error".equals(ComfyJson.text(status, "status_str"))) {
            return;
        }
        for (JsonNode message : status.path("messages")) {
            String type = message.path(0).asText();
            if ("execution_error".equals(type)) {
                throw PromptErrors.failed(settings.name(), promptId, message.path(1));
            }
            if ("execution_interrupted".equals(type)) {
                throw PromptErrors.interrupted(settings.name(), promptId, message.path(1));
            }
        }
        throw new PromptFailedException(settings.name(), promptId, null, null, null, "the history records status 'error'");
    }

    /** The history entry, which a server writes just before {@code executing {node: null}}; briefly retried. */
    private Optional<JsonNode> historyAfterEnd(String promptId) {
        long until = System.nanoTime() + HISTORY_GRACE.toNanos();
        while (true) {
            try {
                Optional<JsonNode> entry = client.history(promptId);
                if (entry.isPresent() || System.nanoTime() > until) {
                    return entry;
                }
            } catch (ComfyConnectionException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
            }
            sleep(Duration.ofMillis(50));
        }
    }

    private static void collect(List<OutputImage> into, String nodeId, JsonNode output) {
        for (JsonNode image : output.path("images")) {
            String filename = ComfyJson.text(image, "filename");
            if (filename != null) {
                String subfolder = ComfyJson.text(image, "subfolder");
                String type = ComfyJson.text(image, "type");
                into.add(new OutputImage(nodeId, filename, subfolder == null ? "" : subfolder,
                        type == null ? "output" : type));
            }
        }
    }

    private void report(Followed state) {
        int total = workflow.size();
        int done = state.finished ? total : Math.min(total, unique(state).size());
        String classType = state.current == null ? null : ComfyJson.text(workflow.path(state.current), "class_type");
        try {
            progress.update(new ComfyProgress.Update(state.promptId, state.finished ? null : state.current, classType,
                    state.value, state.max, done, total));
        } catch (RuntimeException e) {
            LOG.warn("a progress listener failed: {}", e.toString());
        }
    }

    private static Set<String> unique(Followed state) {
        Set<String> nodes = new LinkedHashSet<>(state.cached);
        nodes.addAll(state.done);
        return nodes;
    }


    private PromptWatch.Signal next(PromptWatch watch, long nanos) {
        try {
            return watch.next(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PromptInterruptedException("interrupted while waiting for ComfyUI server '" + settings.name()
                    + "'", null);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyException("interrupted", e);
        }
    }

    /** What the WebSocket said about the prompt so far. */
    private static final class Followed {
        final String promptId;
        final Set<String> cached = new LinkedHashSet<>();
        final Set<String> done = new LinkedHashSet<>();
        final List<OutputImage> executed = new ArrayList<>();
        String current;
        long value;
        long max = 1;
        JsonNode error;
        JsonNode interrupted;
        boolean finished;

        Followed(String promptId) {
            this.promptId = promptId;
        }
    }
}
