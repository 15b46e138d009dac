package io.flowpack.comfy.graph;

/**
 * A linked input, {@code ["4", 0]}: output {@code slot} of node {@code nodeId}.
 *
 * @param nodeId the source node id
 * @param slot   the index into the source's outputs
 */
public record Link(String nodeId, int slot) {
}
