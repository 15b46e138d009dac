package io.flowpack.comfy.runner;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.pixels.ImageBatches;

import java.util.List;
import java.util.Map;

/**
 * {@code SaveImageWebsocket}, the custom node ComfyUI ships in {@code custom_nodes/websocket_image_save.py}: each
 * image of the batch goes to the prompt's client as a full-size PNG binary frame (with {@code progress} 0…n−1),
 * nothing is written to disk; it runs every time (ComfyUI's {@code IS_CHANGED} returns the time). The runner offers
 * it unless the registry has a node of that name.
 */
final class SaveImageWebsocketNode implements ComfyNode {

    static final String CLASS = "SaveImageWebsocket";

    private static final NodeDefinition DEFINITION = new NodeDefinition(CLASS, CLASS, "image", "",
            List.of(InputSpec.link("images", "IMAGE")), List.of(), List.of(), true, false)
            .withPythonModule("custom_nodes.websocket_image_save");

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) {
        ImageBatch images = (ImageBatch) inputs.get("images");
        for (int i = 0; i < images.size(); i++) {
            context.progress(i, images.size());
            context.sendImage(ImageBatches.image(images, i));
        }
        return new NodeOutput(List.of(), Map.of());
    }

    @Override
    public Object changeToken(Map<String, Object> literalInputs, NodeContext context) {
        return Double.NaN;
    }
}
