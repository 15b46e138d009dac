package io.flowpack.comfy.client;

/** The prompt did not finish within the server's prompt time-out; the client interrupted it. */
public class PromptTimeoutException extends ComfyException {
    private final String promptId;

    public PromptTimeoutException(String message, String promptId) {
        super(message);
        this.promptId = promptId;
    }

    public String promptId() {
        return promptId;
    }
}
