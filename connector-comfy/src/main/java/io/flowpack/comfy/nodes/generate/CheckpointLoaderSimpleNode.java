package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.generate.GenerationException;

import java.util.List;
import java.util.Map;

/**
 * ComfyUI's {@code CheckpointLoaderSimple} ("Load Checkpoint"): {@code ckpt_name} lists the diffusers ONNX folders
 * of the models folder at request time ({@link Checkpoints}); the outputs MODEL, CLIP and VAE are one
 * {@link Checkpoint}.
 */
public final class CheckpointLoaderSimpleNode implements ComfyNode {
    static final String CLASS = "CheckpointLoaderSimple";

    private final Checkpoints checkpoints;

    public CheckpointLoaderSimpleNode(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public NodeDefinition definition() {
        return new NodeDefinition(CLASS, "Load Checkpoint", "loaders",
                "Loads a diffusion model checkpoint (on flowpack: a diffusers ONNX folder in the models folder).",
                List.of(InputSpec.combo("ckpt_name", checkpoints.names(),
                        Map.of("tooltip", "The name of the checkpoint (model) to load."))), List.of(),
                List.of(OutputSpec.of("MODEL"), OutputSpec.of("CLIP"), OutputSpec.of("VAE")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        String name = new NodeInputs(CLASS, inputs).text("ckpt_name");
        try {
            Checkpoint checkpoint = checkpoints.load(name);
            return NodeOutput.of(checkpoint, checkpoint, checkpoint);
        } catch (GenerationException e) {
            throw new NodeException(e.getMessage(), e, "ValueError");
        }
    }
}
