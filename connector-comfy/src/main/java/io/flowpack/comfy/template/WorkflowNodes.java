package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.NodeIds;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Finding nodes of an API-format workflow by id, title ({@code _meta.title}) or class, and naming them in messages. */
public final class WorkflowNodes {

    private WorkflowNodes() {
    }

    /**
     * The id of the node {@code ref} names: a node id, else the one node with that title, else the one node of that
     * class. Ambiguous or unknown references fail with the candidates listed.
     */
    public static String resolve(ObjectNode workflow, String ref, String template) {
        if (workflow.has(ref)) {
            return ref;
        }
        List<String> byTitle = matching(workflow, ref, "title");
        if (byTitle.size() == 1) {
            return byTitle.get(0);
        }
        if (byTitle.size() > 1) {
            throw new TemplateException("workflow template '" + template + "': title '" + ref + "' names nodes "
                    + String.join(", ", byTitle) + "; use the node id or give the nodes distinct titles");
        }
        List<String> byClass = matching(workflow, ref, "class");
        if (byClass.size() == 1) {
            return byClass.get(0);
        }
        if (byClass.size() > 1) {
            throw new TemplateException("workflow template '" + template + "': class '" + ref + "' is used by nodes "
                    + String.join(", ", byClass) + "; name one by id or title");
        }
        throw new TemplateException("workflow template '" + template + "' has no node with id or title '" + ref
                + "'; its nodes: " + list(workflow));
    }

    /** {@code 3 "Sampler" (KSampler)}, or {@code 3 (KSampler)} without a title. */
    public static String describe(ObjectNode workflow, String id) {
        JsonNode node = workflow.path(id);
        String title = title(node);
        String classType = node.path("class_type").asText();
        return id + (title == null || title.equals(classType) ? "" : " \"" + title + "\"") + " (" + classType + ")";
    }

    public static String title(JsonNode node) {
        JsonNode title = node.path("_meta").get("title");
        return title == null || !title.isTextual() ? null : title.asText();
    }

    /** Node ids in order: numbers numerically, then the rest as text. */
    public static List<String> ids(ObjectNode workflow) {
        List<String> ids = new ArrayList<>();
        workflow.fieldNames().forEachRemaining(ids::add);
        ids.sort(NodeIds::compare);
        return ids;
    }


    private static List<String> matching(ObjectNode workflow, String ref, String by) {
        List<String> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> nodes = workflow.fields();
        while (nodes.hasNext()) {
            Map.Entry<String, JsonNode> node = nodes.next();
            String value = by.equals("title") ? title(node.getValue()) : node.getValue().path("class_type").asText();
            if (ref.equals(value)) {
                found.add(node.getKey());
            }
        }
        found.sort(NodeIds::compare);
        return found;
    }

    private static String list(ObjectNode workflow) {
        List<String> described = new ArrayList<>();
        for (String id : ids(workflow)) {
            described.add(describe(workflow, id));
        }
        return String.join(", ", described);
    }
}
