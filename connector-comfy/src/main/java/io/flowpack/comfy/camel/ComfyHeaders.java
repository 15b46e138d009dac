package io.flowpack.comfy.camel;

/** Names of the exchange headers the {@code comfy:} component reads and sets. */
public final class ComfyHeaders {
    /**
     * Header: workflow parameters for this message (a {@code Map}), {@code <node>.<input>} keys as in the URI; they
     * override the URI's.
     */
    public static final String PARAMS = "ComfyParams";
    /** Header set after a run: the prompt ids the server ran, comma-separated. */
    public static final String PROMPT_IDS = "ComfyPromptIds";

    private ComfyHeaders() {
    }
}
