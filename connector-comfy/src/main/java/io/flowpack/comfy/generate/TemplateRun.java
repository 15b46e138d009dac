package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyClient;
import io.flowpack.comfy.client.ComfyProgress;
import io.flowpack.comfy.client.OutputImage;
import io.flowpack.comfy.client.PromptResult;
import io.flowpack.comfy.template.ImageWiring;
import io.flowpack.comfy.template.NodeCatalog;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.comfy.template.WorkflowBinder;
import io.flowpack.comfy.template.WorkflowValidator;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs workflow templates for one generation on one server: binds, uploads the start image into the one
 * {@code LoadImage}, validates against the server's {@code /object_info}, runs with the listener's progress (the
 * sampler's steps) and cancellation, and decodes the saved images.
 */
final class TemplateRun {
    private final ComfyClient client;
    private final GenerationListener listener;
    private final List<String> promptIds = new ArrayList<>();

    TemplateRun(ComfyClient client, GenerationListener listener) {
        this.client = client;
        this.listener = listener;
    }

    List<String> promptIds() {
        return promptIds;
    }

    /** Runs {@code workflow} (a copy of template {@code name}, changed in place) and returns its output images. */
    List<BufferedImage> execute(String name, ObjectNode workflow, Map<String, ?> parameters, BufferedImage image) {
        PromptResult result = submit(name, workflow, parameters, image);
        List<BufferedImage> images = new ArrayList<>();
        for (OutputImage output : saved(result, name)) {
            images.add(fetch(output));
        }
        return images;
    }

    /**
     * Binds, uploads the start image (if any), validates and runs {@code workflow}; the saved images are then
     * fetched one by one with {@link #saved} and {@link #fetch}.
     */
    PromptResult submit(String name, ObjectNode workflow, Map<String, ?> parameters, BufferedImage image) {
        List<WorkflowBinder.Binding> bindings = WorkflowBinder.resolve(workflow, parameters, name);
        List<String> loaders = ImageWiring.targets(workflow, List.of(), name);
        if (image != null) {
            if (loaders.size() != 1) {
                throw new TemplateException("workflow template '" + name + "' must load the start image with exactly"
                        + " one LoadImage node; it has " + loaders.size());
            }
            String reference = client.uploadImage("flowpack-generate.png", "image/png", png(image), false).reference();
            ImageWiring.wire(workflow, loaders, List.of(reference));
        } else if (!loaders.isEmpty()) {
            throw new TemplateException("workflow template '" + name + "' loads images (node "
                    + String.join(", ", loaders) + ") but text to image has none; use a text-to-image template");
        }
        NodeCatalog catalog = NodeCatalog.fetch(client, workflow);
        WorkflowBinder.apply(workflow, bindings, catalog, name);
        WorkflowValidator.validate(workflow, catalog, name);
        PromptResult result = client.run(workflow, this::progress, listener::cancelled);
        promptIds.add(result.promptId());
        return result;
    }

    /** The images a run saved (type {@code output}; else its previews), in the server's order; never empty. */
    static List<OutputImage> saved(PromptResult result, String name) {
        List<OutputImage> saved = result.images().stream().filter(i -> "output".equals(i.type())).toList();
        if (saved.isEmpty()) {
            saved = result.images();
        }
        if (saved.isEmpty()) {
            throw new GenerationException("workflow template '" + name + "' ran (prompt " + result.promptId()
                    + ") but saved no image; end it with a SaveImage node");
        }
        return saved;
    }

    /** One output image, downloaded and decoded. */
    BufferedImage fetch(OutputImage output) {
        return decode(client.view(output), output);
    }

    /** A sampler's step progress ({@code progress} messages with a maximum) as the listener's steps. */
    private void progress(ComfyProgress.Update update) {
        if (update.node() != null && update.max() > 1) {
            listener.step((int) Math.min(update.value(), update.max()), (int) Math.min(update.max(), Integer.MAX_VALUE));
        }
    }

    private static BufferedImage decode(byte[] bytes, OutputImage output) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new GenerationException("output " + output.filename() + " of node " + output.nodeId()
                        + " is not an image this server can decode");
            }
            return image;
        } catch (IOException e) {
            throw new GenerationException("output " + output.filename() + " of node " + output.nodeId()
                    + " cannot be decoded: " + e.getMessage(), e);
        }
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The start image at the request's size (as the onnx backend uses it). */
    static BufferedImage sized(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return image;
        }
        BufferedImage sized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return sized;
    }
}
