package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.graph.ValidationResult;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A queued prompt: ComfyUI's queue tuple {@code [number, prompt_id, prompt, extra_data, outputs_to_execute]} plus
 * what the worker needs.
 *
 * @param number     the priority (lower runs first): a Long from the server's counter or a Double the client sent
 * @param promptId   the prompt id
 * @param prompt     the API-format prompt (with coerced literals)
 * @param extraData  {@code extra_data} without sensitive keys, with {@code client_id} and {@code create_time}
 * @param outputs    the valid output node ids
 * @param validation the validated graph
 * @param clientId   the WebSocket client that gets the events; null for none
 * @param createTime ms since the epoch
 * @param answered   completed once the HTTP answer with the prompt id was written; the worker waits for it
 */
record QueueItem(Number number, String promptId, ObjectNode prompt, ObjectNode extraData, List<String> outputs,
                 ValidationResult validation, String clientId, long createTime, CompletableFuture<Void> answered)
        implements Comparable<QueueItem> {

    /** ComfyUI's queue tuple as JSON. */
    List<Object> tuple() {
        return List.of(number, promptId, prompt, extraData, outputs);
    }

    @Override
    public int compareTo(QueueItem other) {
        int byNumber = Double.compare(number.doubleValue(), other.number.doubleValue());
        return byNumber != 0 ? byNumber : promptId.compareTo(other.promptId);
    }
}
