package io.flowpack.model.tfjs.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.model.tfjs.TfjsImportException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nodes of a graph model and its boundary: inputs and outputs from the model's {@code signature} where it has
 * one (TensorFlow.js names them {@code input_1:0}), otherwise the Placeholders and the nodes nothing reads.
 * {@link #order()} lists the nodes the outputs need, each after its inputs.
 */
final class GraphTopology {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final Map<String, GraphNode> nodes = new LinkedHashMap<>();
    private final Map<String, String> inputNames = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();

    GraphTopology(JsonNode modelJson) {
        for (JsonNode json : modelJson.path("modelTopology").path("node")) {
            GraphNode node = GraphNode.parse(json);
            if (nodes.put(node.name(), node) != null) {
                throw new TfjsImportException("the graph has two nodes named '" + node.name() + "'");
            }
        }
        JsonNode signature = modelJson.path("signature");
        JsonNode signatureInputs = signature.path("inputs");
        signatureInputs.fieldNames().forEachRemaining(key ->
                inputNames.put(TensorName.parse(signatureInputs.path(key).path("name").asText(key)).node(), key));
        signature.path("outputs").fieldNames().forEachRemaining(outputs::add);
        if (outputs.isEmpty()) {
            outputs.addAll(sinks());
        }
        outputs.sort(Comparator.comparing(GraphTopology::naturalKey));
    }

    /** The name the model input fed into Placeholder {@code node} gets: the signature's, else the node's. */
    String inputName(String node) {
        return inputNames.getOrDefault(node, node);
    }

    /** The output references ({@code Identity:0}), in natural order ({@code Identity_2} before {@code Identity_10}). */
    List<String> outputs() {
        return List.copyOf(outputs);
    }

    /** The nodes the outputs depend on, inputs before the nodes that read them. */
    List<GraphNode> order() {
        List<GraphNode> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        for (String output : outputs) {
            visit(node(TensorName.parse(output).node(), "output '" + output + "'"), order, done, onPath);
        }
        return order;
    }

    /** Depth-first, without recursion: deep graphs must not overflow the stack. */
    private void visit(GraphNode start, List<GraphNode> order, Set<String> done, Set<String> onPath) {
        Deque<GraphNode> stack = new ArrayDeque<>();
        Map<String, Integer> next = new HashMap<>();
        if (done.contains(start.name())) {
            return;
        }
        stack.push(start);
        onPath.add(start.name());
        while (!stack.isEmpty()) {
            GraphNode node = stack.peek();
            int i = next.merge(node.name(), 1, Integer::sum) - 1;
            if (i < node.inputs().size()) {
                GraphNode input = node(node.inputs().get(i).node(), node.describe());
                if (onPath.contains(input.name())) {
                    throw new TfjsImportException(node.describe() + " is part of a cycle; loops are not supported");
                }
                if (!done.contains(input.name())) {
                    stack.push(input);
                    onPath.add(input.name());
                }
            } else {
                stack.pop();
                onPath.remove(node.name());
                done.add(node.name());
                order.add(node);
            }
        }
    }

    private GraphNode node(String name, String user) {
        GraphNode node = nodes.get(name);
        if (node == null) {
            throw new TfjsImportException(user + " reads '" + name + "', which is not a node of the graph");
        }
        return node;
    }

    private List<String> sinks() {
        Set<String> read = new HashSet<>();
        nodes.values().forEach(n -> n.inputs().forEach(input -> read.add(input.node())));
        return nodes.values().stream()
                .filter(n -> !read.contains(n.name()) && !n.op().equals("Const") && !n.op().equals("NoOp"))
                .map(GraphNode::name)
                .toList();
    }

    private static String naturalKey(String name) {
        Matcher digits = DIGITS.matcher(name);
        StringBuilder key = new StringBuilder();
        while (digits.find()) {
            digits.appendReplacement(key, "0".repeat(Math.max(0, 10 - digits.group().length())) + digits.group());
        }
        digits.appendTail(key);
        return key.toString();
    }
}
