package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
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
import java.util.List;
import java.util.Map;

/**
 * ComfyUI's {@code VAEEncode}: each image through the checkpoint's {@code vae_encoder} (scaled latents, the mean of
 * the distribution). Sides that are not multiples of 8 are cropped to them around the centre, as ComfyUI crops.
 */
public final class VaeEncodeNode implements ComfyNode {
    static final String CLASS = "VAEEncode";

    @Override
    public NodeDefinition definition() {
        return new NodeDefinition(CLASS, "VAE Encode", "latent", "",
                List.of(Widgets.link("pixels", "IMAGE", "The image to be encoded."),
                        Widgets.link("vae", "VAE", "The VAE model used for encoding the image.")), List.of(),
                List.of(OutputSpec.of("LATENT")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        ImageBatch pixels = in.image("pixels");
        Checkpoint vae = in.required("vae", Checkpoint.class, "a VAE");
        int width = pixels.width() / 8;
        int height = pixels.height() / 8;
        if (width < 1 || height < 1) {
            throw new NodeException(CLASS + ": the image of " + pixels.width() + "×" + pixels.height()
                    + " is smaller than one latent (8×8)", null, "ValueError");
        }
        int size = 4 * width * height;
        float[] samples = new float[pixels.size() * size];
        try {
            for (int i = 0; i < pixels.size(); i++) {
                context.checkInterrupted();
                BufferedImage image = cropped(ImageBatches.image(pixels, i), width * 8, height * 8);
                System.arraycopy(LatentSampling.encode(vae.pipeline(), image), 0, samples, i * size, size);
            }
        } catch (GenerationException e) {
            throw new NodeException(CLASS + ": " + e.getMessage(), e, "RuntimeError");
        }
        return NodeOutput.of(new Latent(pixels.size(), height, width, samples));
    }

    private static BufferedImage cropped(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        return image.getSubimage((image.getWidth() - width) / 2, (image.getHeight() - height) / 2, width, height);
    }
}
