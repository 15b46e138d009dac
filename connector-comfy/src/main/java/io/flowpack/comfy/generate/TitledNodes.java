package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.NodeIds;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.comfy.template.WorkflowNodes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds a workflow's node by its title ({@code _meta.title}) alone; two nodes with one title are an error. */
final class TitledNodes {

    private TitledNodes() {
    }

    static Optional<String> find(ObjectNode workflow, String title, String template) {
        List<String> ids = new ArrayList<>();
        workflow.fields().forEachRemaining(e -> {
            if (title.equals(WorkflowNodes.title(e.getValue()))) {
                ids.add(e.getKey());
            }
        });
        ids.sort(NodeIds::compare);
        if (ids.size() > 1) {
            throw new TemplateException("workflow template '" + template + "': title '" + title + "' names nodes "
                    + String.join(", ", ids) + "; the comfy backend binds it on one node");
        }
        return ids.stream().findFirst();
    }

    static String require(ObjectNode workflow, String title, String why, String template) {
        return find(workflow, title, template).orElseThrow(() -> new TemplateException("workflow template '"
                + template + "' has no node titled '" + title + "' (" + why + "); its nodes: "
                + String.join(", ", WorkflowNodes.ids(workflow).stream()
                .map(id -> WorkflowNodes.describe(workflow, id)).toList())));
    }

    static JsonNode inputs(ObjectNode workflow, String id) {
        return workflow.path(id).path("inputs");
    }

    /** The literal text of input {@code input} of the node titled {@code title}, or null. */
    static String text(ObjectNode workflow, String title, String input, String template) {
        return find(workflow, title, template).map(id -> inputs(workflow, id).get(input))
                .filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
    }
}
