package io.flowpack.comfy.nodes.steps;

import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.files.SavePaths;
import io.flowpack.comfy.nodes.pixels.PngParts;
import io.flowpack.document.BlobStore;
import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts the parts a step produced into a node's output:
 * <ul>
 *   <li>result images ({@code BASE}, PNG/JPEG/TIFF) → the {@code IMAGE} batch (all must share one size, else the
 *       node fails: ComfyUI batches hold one size);</li>
 *   <li>videos and animations ({@code BASE}, {@code video/*}, GIF, WebP) → saved to the output folder under
 *       {@code flowpack/} and shown as ComfyUI shows its saved videos: UI {@code "images"} entries plus
 *       {@code "animated": [true]};</li>
 *   <li>other results ({@code BASE}, e.g. a PDF) → saved to the output folder under {@code flowpack/}, listed in the
 *       UI as {@code "files": [{"filename", "subfolder", "type": "output", "format"}]};</li>
 *   <li>delivered reports ({@code META} with {@code deliver}, JSON or text) → UI {@code "text"};</li>
 *   <li>delivered review images ({@code META} with {@code deliver}) → saved to the temp folder and shown as UI
 *       {@code "images"} with {@code "type": "temp"};</li>
 *   <li>anything else (META parts not delivered, e.g. a consumed review mask) is dropped.</li>
 * </ul>
 */
final class StepResults {
    private static final long MAX_TEXT_BYTES = 1 << 20;

    private final String stepName;
    private final BlobStore blobs;
    private final NodeContext context;

    StepResults(String stepName, BlobStore blobs, NodeContext context) {
        this.stepName = stepName;
        this.blobs = blobs;
        this.context = context;
    }

    NodeOutput sort(List<Part> produced, boolean producesImages) throws NodeException {
        List<BufferedImage> images = new ArrayList<>();
        List<Object> files = new ArrayList<>();
        List<Object> previews = new ArrayList<>();
        List<Object> texts = new ArrayList<>();
        List<Object> animations = new ArrayList<>();
        try {
            for (Part part : produced) {
                boolean image = part.mediaType().startsWith("image/");
                if (part.isBase() && StepNode.isStillImage(part.mediaType()) && producesImages) {
                    images.add(PngParts.read(blobs, part, context.imageLimits()));
                } else if (part.isBase() && (image || part.mediaType().startsWith("video/"))) {
                    animations.add(save(part, context.outputDirectory(), "output", "flowpack/"));
                } else if (part.isBase()) {
                    files.add(save(part, context.outputDirectory(), "output", "flowpack/"));
                } else if (part.isDeliverable() && image) {
                    previews.add(save(part, context.tempDirectory(), "temp", "flowpack_"));
                } else if (part.isDeliverable() && isText(part.mediaType()) && part.blob().size() <= MAX_TEXT_BYTES) {
                    texts.add(text(part));
                }
            }
        } catch (IOException e) {
            throw new NodeException("cannot read the results of step '" + stepName + "': " + e.getMessage(), e,
                    "OSError");
        }
        Map<String, Object> ui = new LinkedHashMap<>();
        List<Object> shown = new ArrayList<>(animations);
        shown.addAll(previews);
        putIfAny(ui, "images", shown);
        if (!animations.isEmpty()) {
            ui.put("animated", List.of(true));
        }
        putIfAny(ui, "text", texts);
        putIfAny(ui, "files", files);
        if (!producesImages) {
            return new NodeOutput(List.of(), ui);
        }
        if (images.isEmpty()) {
            throw new NodeException("step '" + stepName + "' produced no image", null, "RuntimeError");
        }
        return new NodeOutput(List.of(StepRun.batch(stepName, images)), ui);
    }

    private Map<String, Object> save(Part part, Path folder, String type, String prefix)
            throws IOException, NodeException {
        String name = part.name() == null ? "result" : part.name();
        String extension = MediaTypes.extension(name).isEmpty() ? MediaTypes.extensionFor(part.mediaType())
                : MediaTypes.extension(name);
        SavePaths paths = SavePaths.of(prefix + safe(MediaTypes.baseName(name)), folder, 0, 0);
        byte[] content;
        try (InputStream in = blobs.open(part.blob())) {
            content = in.readAllBytes();
        }
        SavePaths.Written written = paths.write(paths.counter(), 0, extension, content);
        Map<String, Object> entry = paths.uiEntry(written.fileName(), type);
        entry.put("format", part.mediaType());
        return entry;
    }

    private String text(Part part) throws IOException {
        try (InputStream in = blobs.open(part.blob())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean isText(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals(MediaTypes.JSON) || mediaType.endsWith("+json");
    }

    /** A file stem of letters, digits, '.', '-' and '_' only. */
    private static String safe(String stem) {
        String cleaned = stem.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return cleaned.isEmpty() ? "result" : cleaned;
    }

    private static void putIfAny(Map<String, Object> ui, String key, List<Object> values) {
        if (!values.isEmpty()) {
            ui.put(key, List.copyOf(values));
        }
    }
}
