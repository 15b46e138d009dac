package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;
import io.flowpack.comfy.nodes.files.InputFiles;
import io.flowpack.comfy.nodes.pixels.MaskBatches;
import io.flowpack.imaging.ImageDecoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ComfyUI's {@code LoadImageMask} ("Load Image (as Mask)"): one channel of the first frame of an image as a
 * {@code MASK} — {@code alpha} inverted (1 − a; an image without alpha counts as opaque), colours raw. EXIF
 * orientation is applied. The combo lists every file of the input folder, as ComfyUI v0.3.64 does.
 */
public final class LoadImageMaskNode implements ComfyNode {
    private static final String CLASS = "LoadImageMask";
    private static final List<String> CHANNELS = Arrays.stream(MaskBatches.Channel.values())
            .map(MaskBatches.Channel::comfyName).toList();

    private final Path inputDirectory;

    public LoadImageMaskNode(Path inputDirectory) {
        this.inputDirectory = inputDirectory;
    }

    @Override
    public NodeDefinition definition() {
        InputSpec image = InputSpec.combo("image", InputFiles.list(inputDirectory, false), Map.of("image_upload", true));
        return new NodeDefinition(CLASS, "Load Image (as Mask)", "mask", "",
                List.of(image, Widgets.combo("channel", CHANNELS)), List.of(), List.of(OutputSpec.of("MASK")),
                false, false);
    }

    @Override
    public Set<String> selfValidatedInputs() {
        return Set.of("image");
    }

    @Override
    public List<String> validateInputs(Map<String, Object> literalInputs, NodeContext context) {
        return LoadImageNode.invalidFile(literalInputs, context);
    }

    @Override
    public Object changeToken(Map<String, Object> literalInputs, NodeContext context) {
        return LoadImageNode.fileHash(literalInputs, context);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        Path file = LoadImageNode.imageFile(CLASS, inputs, context);
        String channel = new NodeInputs(CLASS, inputs).choice("channel", CHANNELS);
        BufferedImage image;
        try {
            image = ImageDecoder.decodeFirst(file, context.imageLimits());
        } catch (IOException e) {
            throw new NodeException(CLASS + ": cannot read '" + inputs.get("image") + "': " + e.getMessage(), e,
                    "OSError");
        }
        float[] mask = MaskBatches.fromChannel(image, MaskBatches.Channel.valueOf(channel.toUpperCase(Locale.ROOT)));
        return NodeOutput.of(new MaskBatch(image.getWidth(), image.getHeight(), List.of(mask)));
    }
}
