package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.onnx.LatentSampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ComfyUI's {@code CLIPTextEncode}: the prompt through the checkpoint's tokenizer and text encoder. */
public final class ClipTextEncodeNode implements ComfyNode {
    static final String CLASS = "CLIPTextEncode";

    @Override
    public NodeDefinition definition() {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("multiline", true);
        text.put("dynamicPrompts", true);
        text.put("tooltip", "The text to be encoded.");
        return new NodeDefinition(CLASS, "CLIP Text Encode (Prompt)", "conditioning",
                "Encodes a text prompt using a CLIP model into an embedding that can be used to guide the diffusion "
                        + "model towards generating specific images.",
                List.of(InputSpec.widget("text", "STRING", text),
                        Widgets.link("clip", "CLIP", "The CLIP model used for encoding the text.")), List.of(),
                List.of(OutputSpec.of("CONDITIONING")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        Checkpoint clip = in.required("clip", Checkpoint.class, "a CLIP");
        String text = in.text("text");
        try {
            return NodeOutput.of(new TextConditioning(clip.name(), LatentSampling.encodeText(clip.pipeline(), text)));
        } catch (GenerationException e) {
            throw new NodeException(CLASS + ": " + e.getMessage(), e, "RuntimeError");
        }
    }
}
