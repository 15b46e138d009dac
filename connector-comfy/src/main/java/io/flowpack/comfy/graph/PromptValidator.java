package io.flowpack.comfy.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ComfyUI's {@code execution.validate_prompt}: every {@code class_type} must exist, at least one output node must
 * be present, and each output is valid when it and all its ancestors pass their input checks. Valid outputs are
 * kept, the errors of the others go to {@code node_errors}; with no valid output the prompt is refused with
 * {@code prompt_outputs_failed_validation}. Differences from ComfyUI: links to missing nodes or slots are
 * {@code bad_linked_input} (ComfyUI: {@code exception_during_validation}), literals for link-only types such as
 * {@code IMAGE} are {@code invalid_input_type}, and a node's custom validation runs only once its own input checks
 * passed.
 */
public final class PromptValidator {

    /** Most nodes in one prompt (editor workflows have hundreds; the error report is quadratic in the worst case). */
    public static final int MAX_NODES = 20_000;

    private final NodeRegistry registry;
    private final NodeEnvironment environment;

    public PromptValidator(NodeRegistry registry, NodeEnvironment environment) {
        this.registry = registry;
        this.environment = environment;
    }

    /**
     * Validates a prompt; coerced literal values are written back into it.
     *
     * @param promptId       the id the prompt will run under (for {@code validateInputs})
     * @param prompt         the API-format prompt
     * @param partialTargets ComfyUI's {@code partial_execution_targets}: only these output nodes count; null for all
     */
    public ValidationResult validate(String promptId, JsonNode prompt, List<String> partialTargets) {
        if (prompt == null || !prompt.isObject()) {
            return ValidationResult.refused(new ValidationIssue("invalid_prompt",
                    "Cannot execute because the prompt is not a JSON object of nodes.", "", Map.of()));
        }
        if (prompt.size() > MAX_NODES) {
            return ValidationResult.refused(new ValidationIssue("invalid_prompt",
                    "Cannot execute a prompt of more than " + MAX_NODES + " nodes.", prompt.size() + " nodes", Map.of()));
        }
        Map<String, ComfyNode> nodes = new LinkedHashMap<>();
        Map<String, NodeDefinition> definitions = new LinkedHashMap<>();
        List<String> outputs = new ArrayList<>();
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) prompt::fields) {
            String id = entry.getKey();
            JsonNode json = entry.getValue();
            JsonNode classType = json.isObject() ? json.get("class_type") : null;
            if (classType == null || !classType.isTextual()) {
                return ValidationResult.refused(new ValidationIssue("invalid_prompt",
                        "Cannot execute because a node is missing the class_type property.", "Node ID '#" + id + "'",
                        Map.of()));
            }
            ComfyNode node = registry.find(classType.textValue()).orElse(null);
            if (node == null) {
                return ValidationResult.refused(new ValidationIssue("invalid_prompt",
                        "Cannot execute because node " + classType.textValue() + " does not exist.",
                        "Node ID '#" + id + "'", Map.of()));
            }
            JsonNode inputs = json.get("inputs");
            if (inputs != null && !inputs.isObject()) {
                return ValidationResult.refused(new ValidationIssue("invalid_prompt",
                        "Cannot execute because the inputs of a node are not a JSON object.", "Node ID '#" + id + "'",
                        Map.of()));
            }
            if (inputs == null) {
                ((ObjectNode) json).putObject("inputs");
            }
            NodeDefinition definition = node.definition();
            nodes.put(id, node);
            definitions.put(id, definition);
            if (definition.outputNode() && (partialTargets == null || partialTargets.contains(id))) {
                outputs.add(id);
            }
        }
        if (outputs.isEmpty()) {
            return ValidationResult.refused(new ValidationIssue("prompt_no_outputs", "Prompt has no outputs", "",
                    Map.of()));
        }
        return new Run(promptId, (ObjectNode) prompt, nodes, definitions).validate(outputs);
    }

    /** One validation: the per-node results, computed sources first. */
    private final class Run {
        private final String promptId;
        private final ObjectNode prompt;
        private final Map<String, ComfyNode> nodes;
        private final Map<String, NodeDefinition> definitions;
        private final Map<String, List<ValidationIssue>> issues = new HashMap<>();
        private final Map<String, PromptNode> checked = new HashMap<>();
        private final Map<String, Boolean> valid = new HashMap<>();

        Run(String promptId, ObjectNode prompt, Map<String, ComfyNode> nodes, Map<String, NodeDefinition> definitions) {
            this.promptId = promptId;
            this.prompt = prompt;
            this.nodes = nodes;
            this.definitions = definitions;
        }

        ValidationResult validate(List<String> outputs) {
            GraphOrder graph = GraphOrder.of(outputs, this::sources);
            for (String id : graph.order()) {
                List<ValidationIssue> own = graph.onCycle().contains(id) ? List.of(cycle(id, graph.onCycle())) : checkNode(id);
                issues.put(id, own);
                boolean ok = own.isEmpty() && sources(id).stream().allMatch(s -> valid.getOrDefault(s, false));
                valid.put(id, ok);
            }
            List<String> good = new ArrayList<>();
            Map<String, NodeError> nodeErrors = new LinkedHashMap<>();
            Map<String, List<String>> dependents = new LinkedHashMap<>();
            for (String output : outputs) {
                if (valid.get(output)) {
                    good.add(output);
                    continue;
                }
                for (String id : GraphOrder.of(List.of(output), this::sources).order()) { // sources first
                    if (!issues.get(id).isEmpty()) {
                        dependents.computeIfAbsent(id, k -> new ArrayList<>()).add(output);
                    }
                }
            }
            dependents.forEach((id, outs) -> nodeErrors.put(id,
                    new NodeError(issues.get(id), outs, definitions.get(id).classType())));
            Map<String, PromptNode> validNodes = new LinkedHashMap<>();
            for (String id : GraphOrder.of(good, this::sources).order()) {
                validNodes.put(id, checked.get(id));
            }
            if (good.isEmpty()) {
                String details = nodeErrors.values().stream().flatMap(e -> e.errors().stream())
                        .map(e -> e.message() + ": " + e.details()).collect(Collectors.joining("\n"));
                return new ValidationResult(new ValidationIssue("prompt_outputs_failed_validation",
                        "Prompt outputs failed validation", details, Map.of()), List.of(), nodeErrors, Map.of());
            }
            return new ValidationResult(null, good, nodeErrors, validNodes);
        }

        /** The existing nodes a node's declared inputs link to. */
        private List<String> sources(String id) {
            JsonNode inputs = prompt.get(id).get("inputs");
            List<String> sources = new ArrayList<>();
            for (InputSpec spec : allInputs(definitions.get(id))) {
                JsonNode value = inputs.get(spec.name());
                if (value != null && value.isArray() && value.size() == 2 && value.get(0).isTextual()
                        && nodes.containsKey(value.get(0).textValue()) && !sources.contains(value.get(0).textValue())) {
                    sources.add(value.get(0).textValue());
                }
            }
            return sources;
        }

        private List<ValidationIssue> checkNode(String id) {
            ComfyNode node = nodes.get(id);
            NodeDefinition definition = definitions.get(id);
            NodeInputChecks checks = new NodeInputChecks(definition, node.selfValidatedInputs(), definitions);
            checks.check((ObjectNode) prompt.get(id).get("inputs"));
            checked.put(id, new PromptNode(id, node, definition, checks.literals, checks.links));
            if (checks.issues.isEmpty()) {
                checks.issues.addAll(customValidation(id, node, definition, checks.literals));
            }
            return checks.issues;
        }

        private List<ValidationIssue> customValidation(String id, ComfyNode node, NodeDefinition definition,
                                                       Map<String, Object> literals) {
            List<String> failures;
            try {
                failures = node.validateInputs(literals, new QuietNodeContext(promptId, id, environment, prompt));
            } catch (RuntimeException e) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("exception_type", e.getClass().getName());
                extra.put("traceback", Tracebacks.of(e));
                return List.of(new ValidationIssue("exception_during_validation", "Exception when validating node",
                        String.valueOf(e.getMessage()), extra));
            }
            if (failures == null || failures.isEmpty()) {
                return List.of();
            }
            String inputName = allInputs(definition).stream().map(InputSpec::name)
                    .filter(node.selfValidatedInputs()::contains).findFirst()
                    .orElse(literals.keySet().stream().findFirst().orElse(""));
            return failures.stream().map(failure -> new ValidationIssue("custom_validation_failed",
                    "Custom validation failed for node", inputName + " - " + failure,
                    Map.<String, Object>of("input_name", inputName))).toList();
        }

        private ValidationIssue cycle(String id, Set<String> cycleNodes) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("node_id", id);
            extra.put("cycle_nodes", List.copyOf(cycleNodes));
            return new ValidationIssue("dependency_cycle", "Dependency cycle detected",
                    "Node " + id + " depends on itself through " + String.join(" → ", cycleNodes), extra);
        }
    }

    private static List<InputSpec> allInputs(NodeDefinition definition) {
        List<InputSpec> all = new ArrayList<>(definition.required());
        all.addAll(definition.optional());
        return all;
    }
}
