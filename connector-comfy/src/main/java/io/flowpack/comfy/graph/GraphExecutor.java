package io.flowpack.comfy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInterruptedException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs validated prompts one at a time: only the output nodes and the ancestors they need, sources first; nodes whose
 * signature is unchanged since the previous prompt are not run again ({@code execution_cached}), cached output nodes
 * replay their UI output. Not thread-safe: one worker thread calls {@link #execute}.
 */
public final class GraphExecutor {

    private final NodeEnvironment environment;
    private final OutputCache cache = new OutputCache();

    public GraphExecutor(NodeEnvironment environment) {
        this.environment = environment;
    }

    /** Forgets every cached output ({@code POST /free} with {@code free_memory}). */
    public void clearCache() {
        cache.clear();
    }

    /** Number of cached node results. */
    public int cachedResults() {
        return cache.size();
    }

    /**
     * @param prompt       the API-format prompt (handed to nodes as their hidden {@code PROMPT} input)
     * @param extraPngInfo {@code extra_data.extra_pnginfo}
     */
    public ExecutionOutcome execute(String promptId, ValidationResult validated, JsonNode prompt,
                                    Map<String, Object> extraPngInfo, ExecutionListener listener, Interrupt interrupt) {
        Map<String, PromptNode> nodes = validated.nodes();
        listener.executionStarted();
        Map<String, String> signatures = new LinkedHashMap<>();
        for (PromptNode node : nodes.values()) { // sources come first
            signatures.put(node.id(), Signatures.of(node, signatures, context(promptId, node.id(), listener, interrupt,
                    prompt, extraPngInfo)));
        }
        Map<String, NodeResult> available = new HashMap<>();
        List<String> cachedIds = new ArrayList<>();
        prompt.fieldNames().forEachRemaining(id -> {
            NodeResult hit = signatures.containsKey(id) ? cache.get(signatures.get(id)) : null;
            if (hit != null) {
                available.put(id, hit);
                cachedIds.add(id);
            }
        });
        listener.executionCached(cachedIds);
        Set<String> replay = new LinkedHashSet<>();
        Set<String> toRun = nodesToRun(validated, available.keySet(), replay);
        List<String> executed = new ArrayList<>();
        Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
        try {
            for (PromptNode node : nodes.values()) {
                String id = node.id();
                if (replay.contains(id)) {
                    Map<String, Object> ui = available.get(id).ui();
                    listener.nodeExecuted(id, ui.isEmpty() ? null : ui);
                    if (!ui.isEmpty()) {
                        outputs.put(id, ui);
                    }
                    executed.add(id);
                    continue;
                }
                if (!toRun.contains(id)) {
                    continue;
                }
                listener.nodeStarted(id);
                Map<String, List<Object>> inputs = new LinkedHashMap<>();
                try {
                    inputs = inputs(node, available);
                    if (interrupt.requested()) {
                        throw new NodeInterruptedException();
                    }
                    NodeResult result = NodeCalls.call(node, inputs,
                            context(promptId, id, listener, interrupt, prompt, extraPngInfo));
                    available.put(id, result);
                    cache.put(signatures.get(id), result);
                    if (!result.ui().isEmpty()) {
                        outputs.put(id, result.ui());
                        listener.nodeExecuted(id, result.ui());
                    }
                    listener.nodeFinished(id);
                    executed.add(id);
                } catch (NodeInterruptedException e) {
                    return new ExecutionOutcome(ExecutionOutcome.Status.INTERRUPTED, outputs, executed,
                            new ExecutionFailure(id, node.classType(), "", "", List.of(), Map.of(), List.of()));
                } catch (Exception | OutOfMemoryError | StackOverflowError e) {
                    return new ExecutionOutcome(ExecutionOutcome.Status.ERROR, outputs, executed,
                            failure(node, e, inputs, available.keySet()));
                }
            }
            return new ExecutionOutcome(ExecutionOutcome.Status.SUCCESS, outputs, executed, null);
        } finally {
            cache.retainOnly(signatures.values());
        }
    }

    /** The uncached nodes the outputs need; cached output nodes go to {@code replay}. */
    private static Set<String> nodesToRun(ValidationResult validated, Set<String> cached, Set<String> replay) {
        Set<String> toRun = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(validated.outputs());
        while (!pending.isEmpty()) {
            String id = pending.pop();
            if (!seen.add(id)) {
                continue;
            }
            if (cached.contains(id)) {
                if (validated.outputs().contains(id)) {
                    replay.add(id);
                }
                continue;
            }
            toRun.add(id);
            validated.nodes().get(id).links().values().forEach(link -> pending.push(link.nodeId()));
        }
        return toRun;
    }

    private static Map<String, List<Object>> inputs(PromptNode node, Map<String, NodeResult> available)
            throws NodeException {
        Map<String, List<Object>> inputs = new LinkedHashMap<>();
        for (var name : orderedInputNames(node)) {
            if (node.literals().containsKey(name)) {
                List<Object> single = new ArrayList<>(1);
                single.add(node.literals().get(name));
                inputs.put(name, single);
            } else if (node.links().containsKey(name)) {
                Link link = node.links().get(name);
                NodeResult source = available.get(link.nodeId());
                if (source == null || link.slot() >= source.slots().size()) {
                    throw new NodeException("input '" + name + "': node " + link.nodeId() + " produced no output "
                            + link.slot(), null, "RuntimeError");
                }
                inputs.put(name, source.slots().get(link.slot()));
            }
        }
        return inputs;
    }

    private static List<String> orderedInputNames(PromptNode node) {
        List<String> names = new ArrayList<>();
        node.definition().required().forEach(s -> names.add(s.name()));
        node.definition().optional().forEach(s -> names.add(s.name()));
        return names;
    }

    private static ExecutionFailure failure(PromptNode node, Throwable error, Map<String, List<Object>> inputs,
                                            Set<String> available) {
        String type = error instanceof NodeException nodeError ? nodeError.exceptionType() : error.getClass().getName();
        Map<String, List<Object>> formatted = new LinkedHashMap<>();
        inputs.forEach((name, values) -> formatted.put(name, values.stream().map(NodeCalls::describe).toList()));
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new ExecutionFailure(node.id(), node.classType(), message + "\n", type, Tracebacks.of(error), formatted,
                new ArrayList<>(available));
    }

    private RunContext context(String promptId, String nodeId, ExecutionListener listener, Interrupt interrupt,
                               JsonNode prompt, Map<String, Object> extraPngInfo) {
        return new RunContext(promptId, nodeId, environment, listener, interrupt, prompt, extraPngInfo);
    }
}
