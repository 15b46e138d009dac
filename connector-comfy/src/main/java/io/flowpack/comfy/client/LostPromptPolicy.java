package io.flowpack.comfy.client;

/**
 * What the client does when a prompt it queued is gone: the WebSocket dropped and, once it is back, the prompt is in
 * neither {@code /queue} nor {@code /history} (the server restarted and lost its in-memory queue).
 */
public enum LostPromptPolicy {
    /** Queue the same workflow again under a new prompt id (up to {@link ComfyServerSettings#maxResubmits()} times). */
    RESUBMIT,
    /** Fail with a {@link PromptLostException}. */
    FAIL
}
