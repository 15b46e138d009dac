package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's list semantics ({@code map_node_over_list}): every value on a link is a list; a node is called once per
 * index of its longest input list (shorter lists repeat their last item), or once with the whole lists when it
 * declares {@code INPUT_IS_LIST}. Outputs flagged {@code output_is_list} are concatenated, others collected one per
 * call; UI outputs are merged key by key.
 */
final class NodeCalls {

    private NodeCalls() {
    }

    /**
     * @param inputs every input as a list of values (a literal is a one-item list)
     */
    static NodeResult call(PromptNode node, Map<String, List<Object>> inputs, NodeContext context)
            throws NodeException {
        List<NodeOutput> results = new ArrayList<>();
        if (node.definition().inputIsList()) {
            context.checkInterrupted();
            results.add(node.node().execute(new LinkedHashMap<>(inputs), context));
        } else {
            int calls = 1;
            for (var entry : inputs.entrySet()) {
                if (entry.getValue().isEmpty()) {
                    throw new NodeException("input '" + entry.getKey() + "' received an empty list", null, "ValueError");
                }
                calls = Math.max(calls, entry.getValue().size());
            }
            for (int i = 0; i < calls; i++) {
                context.checkInterrupted();
                Map<String, Object> slice = new LinkedHashMap<>();
                for (var entry : inputs.entrySet()) {
                    List<Object> values = entry.getValue();
                    slice.put(entry.getKey(), values.get(Math.min(i, values.size() - 1)));
                }
                results.add(node.node().execute(slice, context));
            }
        }
        return merge(node, results);
    }

    private static NodeResult merge(PromptNode node, List<NodeOutput> results) throws NodeException {
        List<OutputSpec> outputs = node.definition().outputs();
        List<List<Object>> slots = new ArrayList<>();
        outputs.forEach(o -> slots.add(new ArrayList<>()));
        Map<String, Object> ui = new LinkedHashMap<>();
        for (NodeOutput result : results) {
            if (result == null) {
                throw new NodeException(node.classType() + " returned no result", null, "RuntimeError");
            }
            List<Object> values = result.values();
            if (!values.isEmpty() && values.size() != outputs.size()) {
                throw new NodeException(node.classType() + " returned " + values.size() + " values but declares "
                        + outputs.size() + " outputs", null, "RuntimeError");
            }
            for (int slot = 0; slot < values.size(); slot++) {
                Object value = values.get(slot);
                if (outputs.get(slot).isList()) {
                    if (!(value instanceof List<?> list)) {
                        throw new NodeException(node.classType() + " output " + slot + " is a list output but got "
                                + describe(value), null, "RuntimeError");
                    }
                    slots.get(slot).addAll(list);
                } else {
                    slots.get(slot).add(value);
                }
            }
            mergeUi(ui, result.ui());
        }
        return new NodeResult(slots, ui);
    }

    @SuppressWarnings("unchecked")
    private static void mergeUi(Map<String, Object> merged, Map<String, Object> ui) {
        for (var entry : ui.entrySet()) {
            List<Object> items = (List<Object>) merged.computeIfAbsent(entry.getKey(), k -> new ArrayList<>());
            if (entry.getValue() instanceof List<?> list) {
                items.addAll(list);
            } else {
                items.add(entry.getValue());
            }
        }
    }

    /** A value as ComfyUI's {@code format_value} shows it: scalars as they are, everything else as text. */
    static Object describe(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof ImageBatch images) {
            return "IMAGE[" + images.size() + ", " + images.height() + ", " + images.width() + ", 3]";
        }
        if (value instanceof MaskBatch masks) {
            return "MASK[" + masks.size() + ", " + masks.height() + ", " + masks.width() + "]";
        }
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
