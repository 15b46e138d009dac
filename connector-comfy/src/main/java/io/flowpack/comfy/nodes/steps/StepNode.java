package io.flowpack.comfy.nodes.steps;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInterruptedException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.files.InputFiles;
import io.flowpack.document.MediaTypes;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.step.ParameterException;
import io.flowpack.step.ParameterSpec;
import io.flowpack.step.Step;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A flowpack {@link Step} as the node {@code flowpack.<step>} ("Upscale (flowpack)", category {@code flowpack}).
 * Its widgets are the step's parameter declaration ({@link StepWidgets}); a step that accepts images takes
 * {@code image: IMAGE} (plus an optional {@code mask: MASK} when its parameters declare {@code maskMode}, the
 * convention of steps that read review masks), any other step a {@code document} from the input folder.
 * A step that produces still images outputs them as one {@code IMAGE} batch; one that does not (a PDF, a video) is
 * an output node whose results are saved to the output folder. The whole batch is one flowpack document, so a step
 * that combines its inputs (pdf-assemble, morph) sees every image at once. {@link StepRun} does the work.
 */
public final class StepNode implements ComfyNode {
    /** The {@code python_module} of flowpack's nodes: the frontend shows "flowpack" as their source. */
    public static final String MODULE = "custom_nodes.flowpack";
    /** Node class names are {@code flowpack.<step name>}. */
    public static final String PREFIX = "flowpack.";
    static final String IMAGE = "image";
    static final String MASK = "mask";
    static final String DOCUMENT = "document";
    /** The parameter whose presence says that a step combines a supplied review mask with its own. */
    static final String MASK_PARAMETER = "maskMode";

    private final Step step;
    private final Path inputDirectory;

    public StepNode(Step step, Path inputDirectory) {
        this.step = step;
        this.inputDirectory = inputDirectory;
        for (ParameterSpec spec : step.descriptor().parameterSpecs()) {
            if (Set.of(IMAGE, MASK, DOCUMENT).contains(spec.name())) {
                throw new IllegalArgumentException("step '" + step.descriptor().name() + "' declares a parameter '"
                        + spec.name() + "', which its node needs for its input");
            }
        }
    }

    public Step step() {
        return step;
    }

    @Override
    public NodeDefinition definition() {
        StepDescriptor descriptor = step.descriptor();
        List<InputSpec> required = new ArrayList<>();
        List<InputSpec> optional = new ArrayList<>();
        if (acceptsImages(descriptor)) {
            required.add(InputSpec.link(IMAGE, "IMAGE"));
            if (takesMask(descriptor)) {
                optional.add(InputSpec.link(MASK, "MASK"));
            }
        } else {
            required.add(InputSpec.combo(DOCUMENT, acceptedInputFiles(descriptor), Map.of()));
        }
        for (ParameterSpec spec : descriptor.parameterSpecs()) {
            required.add(StepWidgets.input(spec));
        }
        List<OutputSpec> outputs = producesImages(descriptor) ? List.of(OutputSpec.of("IMAGE")) : List.of();
        return new NodeDefinition(PREFIX + descriptor.name(), displayName(descriptor.name()), "flowpack",
                descriptor.description(), required, optional, outputs, outputs.isEmpty(), false)
                .withPythonModule(MODULE);
    }

    @Override
    public Set<String> selfValidatedInputs() {
        return acceptsImages(step.descriptor()) ? Set.of() : Set.of(DOCUMENT);
    }

    @Override
    public List<String> validateInputs(Map<String, Object> literalInputs, NodeContext context) {
        if (acceptsImages(step.descriptor())) {
            return List.of();
        }
        Object value = literalInputs.get(DOCUMENT);
        if (!(value instanceof String name) || InputFiles.existing(name, context).isEmpty()) {
            return List.of("Invalid document file: " + value);
        }
        return List.of();
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        StepDescriptor descriptor = step.descriptor();
        String node = PREFIX + descriptor.name();
        Map<String, Object> raw = new LinkedHashMap<>();
        for (ParameterSpec spec : descriptor.parameterSpecs()) {
            Object value = StepWidgets.rawValue(spec, inputs.get(spec.name()));
            if (value != null) {
                raw.put(spec.name(), value);
            }
        }
        NodeInputs in = new NodeInputs(node, inputs);
        try (StepRun run = new StepRun(step, context)) {
            if (acceptsImages(descriptor)) {
                ImageBatch image = in.image(IMAGE);
                Optional<MaskBatch> mask = takesMask(descriptor) ? in.optionalMask(MASK) : Optional.empty();
                run.addImages(image, mask);
            } else {
                String name = in.text(DOCUMENT);
                run.addFile(InputFiles.existing(name, context).orElseThrow(
                        () -> new NodeException("Invalid document file: " + name, null, "FileNotFoundError")));
            }
            return run.execute(raw, producesImages(descriptor));
        } catch (ParameterException e) {
            throw new NodeException(node + ": " + e.getMessage(), e, "ValueError");
        } catch (StepCancelledException e) {
            throw new NodeInterruptedException();
        } catch (StepException e) {
            throw new NodeException(e.getMessage(), e, "RuntimeError");
        }
    }

    static boolean acceptsImages(StepDescriptor descriptor) {
        return descriptor.accepts("image/png");
    }

    static boolean takesMask(StepDescriptor descriptor) {
        return descriptor.parameterSpecs().stream().anyMatch(spec -> spec.name().equals(MASK_PARAMETER));
    }

    /** Whether the step produces still images (PNG, JPEG, TIFF); an animation (GIF, WebP) or video does not count. */
    static boolean producesImages(StepDescriptor descriptor) {
        return descriptor.produces().stream().anyMatch(StepNode::isStillImage);
    }

    static boolean isStillImage(String mediaType) {
        return ImageFormat.fromName(mediaType).map(ImageFormat::writable).orElse(false);
    }

    /** {@code pdf-render} → "Pdf Render (flowpack)". */
    static String displayName(String stepName) {
        StringBuilder name = new StringBuilder();
        for (String word : stepName.split("-")) {
            if (!word.isEmpty()) {
                name.append(name.length() == 0 ? "" : " ")
                        .append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return name + " (flowpack)";
    }

    private List<String> acceptedInputFiles(StepDescriptor descriptor) {
        return InputFiles.list(inputDirectory, false).stream()
                .filter(name -> descriptor.accepts(MediaTypes.byName(name)))
                .toList();
    }
}
