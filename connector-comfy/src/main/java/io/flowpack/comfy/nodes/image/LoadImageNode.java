package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.files.InputFiles;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.comfy.nodes.pixels.MaskBatches;
import io.flowpack.imaging.ImageDecoder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ComfyUI's {@code LoadImage} ("Load Image"): an image from the input folder (or {@code "x.png [output]"}) as
 * {@code IMAGE} plus {@code MASK} = 1 − alpha. EXIF orientation is applied; the frames of a multi-page file
 * (TIFF, GIF) become a batch, frames of another size than the first are skipped as in ComfyUI; an image without
 * alpha gives ComfyUI's 64×64 zero mask. The file's SHA-256 is the change token, so a replaced file re-runs.
 */
public final class LoadImageNode implements ComfyNode {
    static final String CLASS = "LoadImage";

    private final Path inputDirectory;

    /** @param inputDirectory the folder whose images the {@code image} combo lists (at request time) */
    public LoadImageNode(Path inputDirectory) {
        this.inputDirectory = inputDirectory;
    }

    @Override
    public NodeDefinition definition() {
        InputSpec image = InputSpec.combo("image", InputFiles.list(inputDirectory, true), Map.of("image_upload", true));
        return new NodeDefinition(CLASS, "Load Image", "image", "", List.of(image), List.of(),
                List.of(OutputSpec.of("IMAGE"), OutputSpec.of("MASK")), false, false);
    }

    @Override
    public Set<String> selfValidatedInputs() {
        return Set.of("image");
    }

    @Override
    public List<String> validateInputs(Map<String, Object> literalInputs, NodeContext context) {
        return invalidFile(literalInputs, context);
    }

    @Override
    public Object changeToken(Map<String, Object> literalInputs, NodeContext context) {
        return fileHash(literalInputs, context);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        Path file = imageFile(CLASS, inputs, context);
        List<BufferedImage> frames = new ArrayList<>();
        try {
            ImageDecoder.decodePages(file, context.imageLimits(), (index, page) -> {
                if (frames.isEmpty() || (page.getWidth() == frames.get(0).getWidth()
                        && page.getHeight() == frames.get(0).getHeight())) {
                    frames.add(page);
                }
            });
        } catch (IOException e) {
            throw new NodeException(CLASS + ": cannot read '" + inputs.get("image") + "': " + e.getMessage(), e,
                    "OSError");
        }
        return NodeOutput.of(ImageBatches.of(frames), masks(frames));
    }

    /** 1 − alpha per frame; frames without alpha get zeros, and a file without any alpha ComfyUI's 64×64 zeros. */
    private static MaskBatch masks(List<BufferedImage> frames) {
        boolean anyAlpha = frames.stream().anyMatch(f -> f.getColorModel().hasAlpha());
        if (!anyAlpha) {
            return MaskBatches.zeros(64, 64, frames.size());
        }
        List<float[]> masks = new ArrayList<>(frames.size());
        for (BufferedImage frame : frames) {
            masks.add(MaskBatches.fromChannel(frame, MaskBatches.Channel.ALPHA));
        }
        return new MaskBatch(frames.get(0).getWidth(), frames.get(0).getHeight(), masks);
    }

    /** {@code ["Invalid image file: x"]} when the {@code image} value names no readable file. */
    static List<String> invalidFile(Map<String, Object> literalInputs, NodeContext context) {
        Object value = literalInputs.get("image");
        if (!(value instanceof String name) || InputFiles.existing(name, context).isEmpty()) {
            return List.of("Invalid image file: " + value);
        }
        return List.of();
    }

    /** The SHA-256 of the named file, or null when there is none (validation reports that). */
    static Object fileHash(Map<String, Object> literalInputs, NodeContext context) {
        Object value = literalInputs.get("image");
        if (!(value instanceof String name)) {
            return null;
        }
        return InputFiles.existing(name, context).map(file -> {
            try {
                return InputFiles.sha256(file);
            } catch (IOException e) {
                return null;
            }
        }).orElse(null);
    }

    static Path imageFile(String node, Map<String, Object> inputs, NodeContext context) throws NodeException {
        String name = new NodeInputs(node, inputs).text("image");
        return InputFiles.existing(name, context).orElseThrow(
                () -> new NodeException("Invalid image file: " + name, null, "FileNotFoundError"));
    }
}
