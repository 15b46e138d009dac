package io.flowpack.comfy.template;

/**
 * One reason a workflow does not fit the server.
 *
 * @param nodeId    the node
 * @param node      the node as messages name it: {@code 3 "Sampler" (KSampler)}
 * @param input     the input concerned, or null for the node as a whole
 * @param message   what is wrong
 */
public record WorkflowProblem(String nodeId, String node, String input, String message) {

    public String describe() {
        return "node " + node + (input == null ? "" : ", input '" + input + "'") + ": " + message;
    }
}
