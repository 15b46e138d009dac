package io.flowpack.comfy.client;

/**
 * A queued or running prompt vanished: after the WebSocket came back it was in neither {@code /queue} nor
 * {@code /history}, which is what a ComfyUI restart does to its in-memory queue.
 */
public class PromptLostException extends ComfyException {
    private final String promptId;

    public PromptLostException(String message, String promptId) {
        super(message);
        this.promptId = promptId;
    }

    public String promptId() {
        return promptId;
    }
}
