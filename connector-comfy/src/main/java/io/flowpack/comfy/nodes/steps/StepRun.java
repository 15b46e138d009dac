package io.flowpack.comfy.nodes.steps;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.Interruption;
import io.flowpack.comfy.nodes.image.Resampling;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.comfy.nodes.pixels.PngParts;
import io.flowpack.document.Document;
import io.flowpack.document.FileBlobStore;
import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;
import io.flowpack.engine.RunOptions;
import io.flowpack.engine.StepEngine;
import io.flowpack.step.ProgressListener;
import io.flowpack.step.Step;
import io.flowpack.step.StepException;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * One call of a step node: the inputs as parts of one document in a private blob store (a temporary folder, removed
 * afterwards), the step run by flowpack's {@link StepEngine} (parameter binding, input selection, audit), and the
 * results sorted out: result images become the {@code IMAGE} batch, other results go to the output folder, delivered
 * reports (JSON) become UI text and delivered review images UI previews ({@link StepResults}).
 */
final class StepRun implements AutoCloseable {
    /** Batch items are named {@code image_00001.png}; their masks {@code image_00001.mask.png}. */
    static final String ITEM_BASE = "image";

    private final Step step;
    private final NodeContext context;
    private final Path folder;
    private final FileBlobStore blobs;
    private final List<Part> inputs = new ArrayList<>();
    private String documentName = ITEM_BASE + ".png";

    StepRun(Step step, NodeContext context) throws NodeException {
        this.step = step;
        this.context = context;
        try {
            this.folder = Files.createTempDirectory("flowpack-comfy-step-");
        } catch (IOException e) {
            throw new NodeException("cannot create a working folder for step '" + step.descriptor().name() + "': "
                    + e.getMessage(), e, "OSError");
        }
        this.blobs = new FileBlobStore(folder);
    }

    /** Each image as a PNG part; each mask (cyclic over the batch) as a grey {@code .mask.png} part beside it. */
    void addImages(ImageBatch images, Optional<MaskBatch> masks) throws NodeException {
        try {
            List<Part> parts = PngParts.write(blobs, images, ITEM_BASE);
            Optional<MaskBatch> sized = masks.map(m -> fitted(m, images));
            for (int i = 0; i < parts.size(); i++) {
                inputs.add(parts.get(i));
                if (sized.isPresent()) {
                    inputs.add(PngParts.writeMask(blobs, sized.get(), i, PngParts.itemName(ITEM_BASE, i) + ".mask.png"));
                }
            }
        } catch (IOException e) {
            throw new NodeException("cannot hand the images to step '" + step.descriptor().name() + "': "
                    + e.getMessage(), e, "OSError");
        }
    }

    /** A file as the document's only part, its media type from its name. */
    void addFile(Path file) throws NodeException {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            inputs.add(Part.base(MediaTypes.byName(name), name, blobs.put(in), Map.of()));
            documentName = name;
        } catch (IOException e) {
            throw new NodeException("cannot read " + name + ": " + e.getMessage(), e, "OSError");
        }
    }

    /** Runs the step on the parts and sorts out what it produced. */
    NodeOutput execute(Map<String, Object> rawParams, boolean producesImages) throws StepException, NodeException {
        Document document = new Document(null, Map.of(Document.NAME, documentName), inputs, List.of());
        RunOptions options = new RunOptions(progress(), Interruption.of(context), context.imageLimits());
        new StepEngine(blobs).run(document, step, rawParams, options);
        Set<String> given = new HashSet<>();
        inputs.forEach(part -> given.add(part.id()));
        List<Part> produced = document.parts().stream().filter(part -> !given.contains(part.id())).toList();
        StepResults results = new StepResults(step.descriptor().name(), blobs, context);
        return results.sort(produced, producesImages);
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    private ProgressListener progress() {
        AtomicLong last = new AtomicLong(-1);
        return (name, fraction, message) -> {
            long percent = Math.round(fraction * 100);
            if (last.getAndSet(percent) != percent) {
                context.progress(percent, 100);
            }
        };
    }

    /** The masks, resized (bilinear) to the images' size when they differ. */
    private static MaskBatch fitted(MaskBatch masks, ImageBatch images) {
        if (masks.width() == images.width() && masks.height() == images.height()) {
            return masks;
        }
        List<float[]> resized = new ArrayList<>(masks.size());
        for (float[] mask : masks.masks()) {
            resized.add(Resampling.BILINEAR.resize(mask, masks.width(), masks.height(),
                    1, images.width(), images.height()));
        }
        return new MaskBatch(images.width(), images.height(), resized);
    }

    static ImageBatch batch(String stepName, List<BufferedImage> images) throws NodeException {
        try {
            return ImageBatches.of(images);
        } catch (IllegalArgumentException e) {
            throw new NodeException("step '" + stepName + "' produced images of different sizes, which one IMAGE "
                    + "batch cannot hold: " + e.getMessage(), e, "ValueError");
        }
    }
}
