package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.onnx.LatentSampling;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ComfyUI's {@code VAEDecode}: each latent through the checkpoint's {@code vae_decoder}, to an IMAGE batch. */
public final class VaeDecodeNode implements ComfyNode {
    static final String CLASS = "VAEDecode";

    @Override
    public NodeDefinition definition() {
        return new NodeDefinition(CLASS, "VAE Decode", "latent",
                "Decodes latent images back into pixel space images.",
                List.of(Widgets.link("samples", "LATENT", "The latent to be decoded."),
                        Widgets.link("vae", "VAE", "The VAE model used for decoding the latent.")), List.of(),
                List.of(OutputSpec.of("IMAGE")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        Latent latent = in.required("samples", Latent.class, "a LATENT");
        Checkpoint vae = in.required("vae", Checkpoint.class, "a VAE");
        List<BufferedImage> images = new ArrayList<>(latent.batch());
        try {
            for (int i = 0; i < latent.batch(); i++) {
                context.checkInterrupted();
                images.add(LatentSampling.decode(vae.pipeline(), latent.item(i), latent.height(), latent.width()));
            }
        } catch (GenerationException e) {
            throw new NodeException(CLASS + ": " + e.getMessage(), e, "RuntimeError");
        }
        return NodeOutput.of(ImageBatches.of(images));
    }
}
