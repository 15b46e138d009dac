package io.flowpack.comfy.runner;

import io.flowpack.comfy.graph.GraphExecutor;
import io.flowpack.comfy.graph.Interrupt;
import io.flowpack.comfy.graph.NodeEnvironment;
import io.flowpack.comfy.graph.PromptValidator;
import io.flowpack.comfy.node.NodeRegistry;

import java.util.LinkedHashMap;
import java.util.Map;

/** The state the routes, the socket and the worker share. */
final class RunnerCore {

    private final RunnerSettings settings;
    private final NodeRegistry registry;
    private final NodeEnvironment environment;
    private final Sessions sessions = new Sessions();
    private final PromptQueue queue;
    private final GraphExecutor executor;
    private final PromptValidator validator;
    private final Interrupt interrupt = new Interrupt();
    private volatile String runningClient;
    private volatile String runningNode;

    RunnerCore(RunnerSettings settings, NodeRegistry registry, NodeEnvironment environment) {
        this.settings = settings;
        this.registry = registry;
        this.environment = environment;
        this.queue = new PromptQueue(settings.maxHistory(), this::broadcastStatus);
        this.executor = new GraphExecutor(environment);
        this.validator = new PromptValidator(registry, environment);
    }

    RunnerSettings settings() {
        return settings;
    }

    NodeRegistry registry() {
        return registry;
    }

    NodeEnvironment environment() {
        return environment;
    }

    Sessions sessions() {
        return sessions;
    }

    PromptQueue queue() {
        return queue;
    }

    GraphExecutor executor() {
        return executor;
    }

    PromptValidator validator() {
        return validator;
    }

    Interrupt interrupt() {
        return interrupt;
    }

    /** {@code {"exec_info": {"queue_remaining": n}}}. */
    Map<String, Object> statusData() {
        return Map.of("exec_info", Map.of("queue_remaining", queue.remaining()));
    }

    /**
     * Sends {@code status} while a prompt runs and nothing else was sent for a while, so that clients which treat
     * ten silent seconds as a lost connection keep waiting during long nodes.
     */
    void heartbeat(long quietMillis) {
        if (queue.running() != null && System.currentTimeMillis() - sessions.lastSent() >= quietMillis) {
            broadcastStatus();
        }
    }

    void broadcastStatus() {
        sessions.broadcast(Json.message("status", Map.of("status", statusData())));
    }

    /** The server's feature flags ({@code GET /features}, the {@code feature_flags} reply). */
    Map<String, Object> featureFlags() {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("supports_preview_metadata", true);
        flags.put("max_upload_size", (double) settings.maxUploadBytes());
        flags.put("assets", false);
        return flags;
    }

    /** Records which client's prompt runs which node, for the {@code executing} replay on reconnect. */
    void running(String clientId, String nodeId) {
        runningClient = clientId;
        runningNode = nodeId;
    }

    String runningNodeFor(String sid) {
        String node = runningNode;
        return node != null && sid.equals(runningClient) ? node : null;
    }
}
