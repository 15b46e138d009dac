package io.flowpack.comfy.client;

/**
 * One image a node reported in its UI output ({@code outputs[node].images[]}), fetched with {@code /view}.
 *
 * @param nodeId    the output node
 * @param filename  the file name on the server
 * @param subfolder its subfolder, may be empty
 * @param type      {@code output}, {@code temp} or {@code input}
 */
public record OutputImage(String nodeId, String filename, String subfolder, String type) {
}
