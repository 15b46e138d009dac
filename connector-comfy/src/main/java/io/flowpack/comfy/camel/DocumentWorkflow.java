package io.flowpack.comfy.camel;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyClient;
import io.flowpack.comfy.client.OutputImage;
import io.flowpack.comfy.client.PromptResult;
import io.flowpack.comfy.client.UploadedImage;
import io.flowpack.comfy.template.ImageWiring;
import io.flowpack.comfy.template.NodeCatalog;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.comfy.template.WorkflowBinder;
import io.flowpack.comfy.template.WorkflowNodes;
import io.flowpack.comfy.template.WorkflowTemplate;
import io.flowpack.comfy.template.WorkflowValidator;
import io.flowpack.document.BlobRef;
import io.flowpack.document.BlobStore;
import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.step.ProgressListener;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Runs a workflow template for a document's images: plans the runs (one per image for a single {@code LoadImage},
 * else all images at once), uploads, wires, binds, validates against the server, runs, and turns the output images
 * into parts.
 */
final class DocumentWorkflow {
    private final ComfyClient client;
    private final WorkflowTemplate template;
    private final BlobStore blobs;
    private final String stepName;
    private final List<String> promptIds = new ArrayList<>();
    private int resubmits;

    DocumentWorkflow(ComfyClient client, WorkflowTemplate template, BlobStore blobs, String stepName) {
        this.client = client;
        this.template = template;
        this.blobs = blobs;
        this.stepName = stepName;
    }

    List<String> promptIds() {
        return promptIds;
    }

    int resubmits() {
        return resubmits;
    }

    /** The images that go into the workflow, one list per run. */
    List<List<Part>> plan(List<Part> images, List<String> loadImageRefs) {
        List<String> targets = ImageWiring.targets(template.copy(), loadImageRefs, template.name());
        if (targets.isEmpty()) {
            return List.of(List.of());
        }
        if (images.isEmpty()) {
            throw new TemplateException("workflow template '" + template.name() + "' loads images (node "
                    + String.join(", ", targets) + ") but the document has no unprocessed image part");
        }
        if (targets.size() == 1) {
            return images.stream().map(List::of).toList();
        }
        if (targets.size() != images.size()) {
            throw new TemplateException("workflow template '" + template.name() + "' loads " + targets.size()
                    + " images (nodes " + String.join(", ", targets) + ") but the document has " + images.size()
                    + " unprocessed image part(s)");
        }
        return List.of(images);
    }

    /** Runs one planned run and returns its output parts. */
    List<Part> run(List<Part> inputs, Map<String, ?> parameters, List<String> loadImageRefs, List<String> outputRefs,
                   ProgressListener progress, int runIndex, int runCount, BooleanSupplier cancelled) throws IOException {
        ObjectNode workflow = template.copy();
        List<WorkflowBinder.Binding> bindings = WorkflowBinder.resolve(workflow, parameters, template.name());
        List<String> targets = ImageWiring.targets(workflow, loadImageRefs, template.name());
        Set<String> outputs = new LinkedHashSet<>();
        outputRefs.forEach(ref -> outputs.add(WorkflowNodes.resolve(workflow, ref, template.name())));
        List<String> references = new ArrayList<>();
        for (Part input : inputs) {
            references.add(upload(input).reference());
        }
        ImageWiring.wire(workflow, targets, references);
        NodeCatalog catalog = NodeCatalog.fetch(client, workflow);
        WorkflowBinder.apply(workflow, bindings, catalog, template.name());
        WorkflowValidator.validate(workflow, catalog, template.name());
        PromptResult result = client.run(workflow, update -> progress.progress(stepName,
                (runIndex + update.fraction()) / runCount, message(update)), cancelled);
        promptIds.add(result.promptId());
        resubmits += result.resubmits();
        List<OutputImage> chosen = choose(result.images(), outputs);
        List<Part> parts = new ArrayList<>();
        String base = inputs.isEmpty() ? template.name() : MediaTypes.baseName(inputs.get(0).name()) + "-" + template.name();
        for (int i = 0; i < chosen.size(); i++) {
            parts.add(toPart(chosen.get(i), base + (chosen.size() > 1 ? "-" + (i + 1) : ""), result.promptId(), inputs));
        }
        return parts;
    }

    /** The images of the chosen output nodes, or else every {@code output}-type image (previews left out). */
    private static List<OutputImage> choose(List<OutputImage> images, Set<String> outputNodes) {
        if (!outputNodes.isEmpty()) {
            return images.stream().filter(i -> outputNodes.contains(i.nodeId())).toList();
        }
        List<OutputImage> saved = images.stream().filter(i -> "output".equals(i.type())).toList();
        return saved.isEmpty() ? images : saved;
    }

    /** Uploads a part, streamed from the blob store's file when it keeps one. */
    private UploadedImage upload(Part part) throws IOException {
        String name = part.name() == null || part.name().isBlank()
                ? part.id() + "." + MediaTypes.extensionFor(part.mediaType()) : part.name();
        Optional<Path> file = blobs.localPath(part.blob());
        if (file.isPresent()) {
            return client.uploadImage(name, part.mediaType(), file.get(), false);
        }
        try (InputStream in = blobs.open(part.blob())) {
            return client.uploadImage(name, part.mediaType(), in.readAllBytes(), false);
        }
    }

    /** Streams an output file from the server into the blob store. */
    private Part toPart(OutputImage image, String baseName, String promptId, List<Part> inputs) throws IOException {
        BlobRef ref = blobs.write(out -> client.viewTo(image, out));
        byte[] head;
        try (InputStream in = blobs.open(ref)) {
            head = in.readNBytes(32);
        }
        String extension = MediaTypes.extension(image.filename());
        String mediaType = MediaTypes.detect(head, image.filename());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("comfyServer", client.settings().name());
        metadata.put("comfyPromptId", promptId);
        metadata.put("comfyNode", image.nodeId());
        metadata.put("comfyFile", (image.subfolder().isEmpty() ? "" : image.subfolder() + "/") + image.filename());
        if (!inputs.isEmpty()) {
            metadata.put("source", inputs.get(0).id());
        }
        return Part.base(mediaType, baseName + (extension.isEmpty() ? "" : "." + extension), ref, metadata);
    }

    private static String message(io.flowpack.comfy.client.ComfyProgress.Update update) {
        if (update.node() == null) {
            return update.nodesDone() >= update.nodesTotal() ? "done" : "queued";
        }
        return "node " + update.node() + (update.classType() == null ? "" : " (" + update.classType() + ")")
                + (update.max() > 1 ? " " + update.value() + "/" + update.max() : "");
    }
}
