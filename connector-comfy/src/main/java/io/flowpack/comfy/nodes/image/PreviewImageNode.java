package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.files.ImageSaver;
import io.flowpack.comfy.nodes.files.PngWriter;

import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's {@code PreviewImage} ("Preview Image"): like {@code SaveImage} but into the temp folder as
 * {@code ComfyUI_temp_<5 random letters>_<counter:05>_.png}, reported with {@code "type": "temp"}. It inherits
 * SaveImage's description, as in ComfyUI.
 */
public final class PreviewImageNode implements ComfyNode {
    private static final String LETTERS = "abcdefghijklmnopqrstupvxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final NodeDefinition DEFINITION = new NodeDefinition("PreviewImage", "Preview Image", "image",
            SaveImageNode.DESCRIPTION, List.of(InputSpec.link("images", "IMAGE")), List.of(), List.of(), true, false)
            .withHidden(SaveImageNode.HIDDEN);

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        ImageBatch images = new NodeInputs("PreviewImage", inputs).image("images");
        String prefix = "ComfyUI_temp_" + randomLetters();
        List<Map<String, Object>> saved = ImageSaver.save(images, prefix, context.tempDirectory(), "temp",
                PngWriter.PREVIEW_LEVEL, context);
        return new NodeOutput(List.of(), Map.of("images", saved));
    }

    private static String randomLetters() {
        StringBuilder letters = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            letters.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return letters.toString();
    }
}
