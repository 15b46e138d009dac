package io.flowpack.comfy.client;

import java.util.List;

/**
 * {@code POST /prompt}'s answer.
 *
 * @param promptId   the prompt's id
 * @param number     its place in the queue
 * @param nodeErrors outputs that failed validation and were dropped while the rest was queued (usually empty)
 */
public record QueuedPrompt(String promptId, double number, List<NodeError> nodeErrors) {
    public QueuedPrompt {
        nodeErrors = List.copyOf(nodeErrors);
    }
}
