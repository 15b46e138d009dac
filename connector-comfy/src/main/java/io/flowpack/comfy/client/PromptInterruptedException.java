package io.flowpack.comfy.client;

/** The prompt was interrupted ({@code execution_interrupted}), by this client or by someone else. */
public class PromptInterruptedException extends ComfyException {
    private final String promptId;

    public PromptInterruptedException(String message, String promptId) {
        super(message);
        this.promptId = promptId;
    }

    public String promptId() {
        return promptId;
    }
}
