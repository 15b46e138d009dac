package io.flowpack.comfy.client;

import java.util.List;

/**
 * A finished prompt.
 *
 * @param promptId    the id of the run that finished
 * @param images      the images every output node reported, by node id then in the node's order
 * @param cachedNodes nodes whose outputs the server reused from an earlier prompt
 * @param resubmits   how often the prompt was queued again after a server restart lost it
 */
public record PromptResult(String promptId, List<OutputImage> images, List<String> cachedNodes, int resubmits) {
    public PromptResult {
        images = List.copyOf(images);
        cachedNodes = List.copyOf(cachedNodes);
    }
}
