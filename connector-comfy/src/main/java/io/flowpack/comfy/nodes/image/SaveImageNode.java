package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;
import io.flowpack.comfy.nodes.files.ImageSaver;
import io.flowpack.comfy.nodes.files.PngWriter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's {@code SaveImage} ("Save Image", v0.3.64 shape: no outputs): every image of the batch as
 * {@code <filename_prefix>_<counter:05>_.png} in the output folder (subfolders from the prefix), with the prompt and
 * workflow as PNG text chunks; ui {@code {"images": [{"filename", "subfolder", "type": "output"}]}}.
 */
public final class SaveImageNode implements ComfyNode {
    static final String DESCRIPTION = "Saves the input images to your ComfyUI output directory.";
    static final Map<String, String> HIDDEN = hidden();
    private static final NodeDefinition DEFINITION = new NodeDefinition("SaveImage", "Save Image", "image",
            DESCRIPTION, List.of(Widgets.link("images", "IMAGE", "The images to save."),
            InputSpec.widget("filename_prefix", "STRING", Map.of("default", "ComfyUI", "tooltip",
                    "The prefix for the file to save. This may include formatting information such as "
                            + "%date:yyyy-MM-dd% or %Empty Latent Image.width% to include values from nodes."))),
            List.of(), List.of(), true, false).withHidden(HIDDEN);

    @Override
    public NodeDefinition definition() {
        return DEFINITION;
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs("SaveImage", inputs);
        ImageBatch images = in.image("images");
        String prefix = inputs.containsKey("filename_prefix") ? in.text("filename_prefix") : "ComfyUI";
        List<Map<String, Object>> saved = ImageSaver.save(images, prefix, context.outputDirectory(), "output",
                PngWriter.SAVE_LEVEL, context);
        return new NodeOutput(List.of(), Map.of("images", saved));
    }

    private static Map<String, String> hidden() {
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("prompt", "PROMPT");
        hidden.put("extra_pnginfo", "EXTRA_PNGINFO");
        return hidden;
    }
}
