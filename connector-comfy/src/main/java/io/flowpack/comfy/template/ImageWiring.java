package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Wires uploaded images into a workflow's {@code LoadImage} nodes ({@code inputs.image}). */
public final class ImageWiring {
    public static final String LOAD_IMAGE = "LoadImage";

    private ImageWiring() {
    }

    /**
     * The nodes that receive images: those {@code refs} name (ids or titles, in that order), or else every
     * {@code LoadImage} node in id order.
     */
    public static List<String> targets(ObjectNode workflow, List<String> refs, String template) {
        if (refs != null && !refs.isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (String ref : refs) {
                String id = WorkflowNodes.resolve(workflow, ref.trim(), template);
                String classType = workflow.path(id).path("class_type").asText();
                if (!classType.startsWith(LOAD_IMAGE)) {
                    throw new TemplateException("workflow template '" + template + "': node "
                            + WorkflowNodes.describe(workflow, id) + " is not a LoadImage node and cannot receive an image");
                }
                ids.add(id);
            }
            return ids;
        }
        List<String> ids = new ArrayList<>();
        for (String id : WorkflowNodes.ids(workflow)) {
            if (LOAD_IMAGE.equals(workflow.path(id).path("class_type").asText())) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Sets {@code inputs.image} of each target to the uploaded file's reference, pairwise. */
    public static void wire(ObjectNode workflow, List<String> targets, List<String> references) {
        if (targets.size() != references.size()) {
            throw new IllegalArgumentException(targets.size() + " targets for " + references.size() + " images");
        }
        for (int i = 0; i < targets.size(); i++) {
            ((ObjectNode) workflow.get(targets.get(i))).withObjectProperty("inputs").put("image", references.get(i));
        }
    }
}
