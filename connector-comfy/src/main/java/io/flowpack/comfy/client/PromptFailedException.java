package io.flowpack.comfy.client;

/** The prompt ran and a node failed ({@code execution_error}). */
public class PromptFailedException extends ComfyException {
    private final String promptId;
    private final String nodeId;
    private final String nodeType;
    private final String exceptionType;
    private final String exceptionMessage;

    public PromptFailedException(String server, String promptId, String nodeId, String nodeType, String exceptionType,
                                 String exceptionMessage) {
        super("ComfyUI server '" + server + "': prompt " + promptId + " failed in node " + nodeId
                + (nodeType == null || nodeType.isEmpty() ? "" : " (" + nodeType + ")") + ": "
                + (exceptionType == null || exceptionType.isEmpty() ? "" : exceptionType + ": ")
                + (exceptionMessage == null ? "" : exceptionMessage.strip()));
        this.promptId = promptId;
        this.nodeId = nodeId;
        this.nodeType = nodeType;
        this.exceptionType = exceptionType;
        this.exceptionMessage = exceptionMessage;
    }

    public String promptId() {
        return promptId;
    }

    public String nodeId() {
        return nodeId;
    }

    public String nodeType() {
        return nodeType;
    }

    public String exceptionType() {
        return exceptionType;
    }

    public String exceptionMessage() {
        return exceptionMessage;
    }
}
