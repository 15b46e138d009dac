package io.flowpack.morph;

import io.flowpack.document.Part;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageInfo;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.image.FrameInterpolationModel;
import io.flowpack.step.Step;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepDescriptor;
import io.flowpack.step.StepException;
import io.flowpack.video.FrameSink;
import io.flowpack.video.VideoFormat;
import io.flowpack.video.VideoSpec;
import io.flowpack.video.VideoWriters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code flow:morph?fps=8&frames=210}: the document's image parts, in name order, are the keyframes of one video
 * part. Keyframes are spread evenly over the frames (the first at frame 0, the last at the end) or placed by
 * {@code keyframeFrames} or a prompt {@code schedule} ({@link ScheduleTimeline}); each is brought to the frame size
 * by cover-and-crop. The frames in between come from the chosen {@link MorphMethod}; frames are rendered on all
 * cores and streamed to the encoder in order ({@link MorphRenderer}). One keyframe makes a still video of
 * {@code frames} frames.
 *
 * <p>From the command line all input files form one document ({@link StepDescriptor#oneDocument()}), so
 * {@code flowpack run morph keyframes/*.jpg --param frames=210 --out out/} writes one video.
 */
public final class MorphStep implements Step {
    public static final String NAME = "morph";

    private static final StepDescriptor DESCRIPTOR = new StepDescriptor(NAME,
            "Morphs keyframe images into one video: optical flow, an ONNX frame-interpolation model or a cross-fade; "
                    + "MP4 (H.264), WebM (VP9), animated GIF or WebP",
            Set.of("image/*"),
            Set.of(VideoFormat.MP4.mediaType(), VideoFormat.WEBM.mediaType(), VideoFormat.GIF.mediaType(),
                    VideoFormat.WEBP.mediaType()),
            MorphParams.class).asOneDocument();

    private final ModelRegistry models;
    private final ModelSessions sessions;

    /** Bundled models and the models folder of the system property; the process-wide sessions. */
    public MorphStep() {
        this(ModelRegistry.standard(), ModelSessions.shared());
    }

    public MorphStep(ModelRegistry models, ModelSessions sessions) {
        this.models = models;
        this.sessions = sessions;
    }

    @Override
    public StepDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<Part> process(List<Part> inputs, StepContext ctx) throws StepException {
        MorphParams params = ctx.params(MorphParams.class);
        List<Part> keyframes = new ArrayList<>(inputs);
        keyframes.sort(Comparator.comparing(MorphStep::label));
        VideoFormat format = VideoFormat.of(params.format());
        ImageInfo first = probe(keyframes.get(0), ctx);
        FrameSize size;
        MorphTimeline timeline;
        try {
            size = FrameSize.of(params.width(), params.height(), first.width(), first.height(), format,
                    ctx.imageLimits().maxPixels());
            timeline = timeline(params, keyframes.size());
        } catch (IllegalArgumentException e) {
            throw new StepException(e.getMessage(), e);
        }
        VideoSpec spec = new VideoSpec(size.width(), size.height(), params.fps(), format, params.quality());
        Interpolator interpolator = interpolator(params);
        audit(ctx, params, keyframes, timeline, spec, interpolator);
        Path file = null;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            file = Files.createTempFile("flowpack-morph-", "." + format.extension());
            try (FrameSink sink = VideoWriters.open(spec, file)) {
                List<String> transitions = new ArrayList<>();
                new MorphRenderer(pool, 2 * threads, ctx::cancelled).render(timeline,
                        index -> keyframe(keyframes.get(index), size, ctx), interpolator, sink,
                        (done, total) -> ctx.progress((double) done / total, "frame " + done + " of " + total),
                        (from, description) -> transitions.add(label(keyframes.get(from)) + " → "
                                + label(keyframes.get(from + 1)) + (description.isEmpty() ? "" : ": " + description)));
                sink.finish();
                if (!transitions.isEmpty()) {
                    ctx.audit("transitions", transitions);
                }
            }
            Path video = file;
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("width", spec.width());
            metadata.put("height", spec.height());
            metadata.put("fps", spec.fps());
            metadata.put("frames", timeline.frames());
            metadata.put("keyframes", keyframes.stream().map(Part::id).toList());
            return List.of(ctx.newPart(baseName(ctx, keyframes.get(0)) + "." + format.extension(), format.mediaType(),
                    metadata, out -> Files.copy(video, out)));
        } catch (CancellationException e) {
            throw new StepCancelledException(ctx.step());
        } catch (IOException e) {
            throw ctx.failure("cannot write the " + format.extension() + " video", e);
        } finally {
            pool.shutdownNow();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    ctx.log().debug("cannot delete {}: {}", file, e.getMessage());
                }
            }
        }
    }

    private static MorphTimeline timeline(MorphParams params, int keyframes) {
        if (keyframes == 1) {
            return MorphTimeline.even(1, params.frames());
        }
        String at = params.keyframeFrames();
        boolean placed = at != null && !at.isBlank();
        if (params.schedule() != null && !params.schedule().isBlank()) {
            if (placed) {
                throw new IllegalArgumentException("give keyframeFrames or schedule, not both");
            }
            return ScheduleTimeline.of(params.schedule(), params.frames(), keyframes);
        }
        return placed ? MorphTimeline.parse(at, keyframes, params.frames()) : MorphTimeline.even(keyframes, params.frames());
    }

    private Interpolator interpolator(MorphParams params) throws StepException {
        return switch (params.method()) {
            case FLOW -> new FlowInterpolator(params.occlusion());
            case CROSSFADE -> new CrossfadeInterpolator();
            case ONNX -> {
                if (params.model() == null || params.model().isBlank()) {
                    throw new StepException("method onnx needs a model: the name or path of a frame-interpolation "
                            + "model (two image inputs and a time input, see docs/MORPH.md)");
                }
                try {
                    yield new OnnxInterpolator(new FrameInterpolationModel(sessions.get(models.resolve(params.model()))));
                } catch (ModelLoadException e) {
                    throw new StepException(e.getMessage(), e);
                }
            }
        };
    }

    private static void audit(StepContext ctx, MorphParams params, List<Part> keyframes, MorphTimeline timeline,
                              VideoSpec spec, Interpolator interpolator) {
        ctx.audit("backend", interpolator.name());
        ctx.audit("encoder", spec.format().ffmpegCodec() == null ? "javax.imageio gif" : spec.format().ffmpegCodec());
        ctx.audit("size", spec.width() + "×" + spec.height());
        ctx.audit("fps", params.fps());
        ctx.audit("frames", timeline.frames());
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < keyframes.size(); i++) {
            placed.add(label(keyframes.get(i)) + " @ " + timeline.keyframeFrame(i));
        }
        ctx.audit("keyframes", placed);
        if (keyframes.size() == 1) {
            ctx.audit("still", "one keyframe: a still video");
        }
    }

    private static ImageInfo probe(Part part, StepContext ctx) throws StepException {
        try {
            return ImageDecoder.probe(ctx.localFile(part), ctx.imageLimits());
        } catch (IOException e) {
            throw ctx.failure("cannot read keyframe '" + label(part) + "'", e);
        }
    }

    private static RgbFrame keyframe(Part part, FrameSize size, StepContext ctx) throws StepException {
        try {
            return KeyframeImages.cover(ImageDecoder.decodeFirst(ctx.localFile(part), ctx.imageLimits()),
                    size.width(), size.height());
        } catch (IOException e) {
            throw ctx.failure("cannot read keyframe '" + label(part) + "'", e);
        }
    }

    /** The document's name without extension, else the first keyframe's, else {@code morph}. */
    private static String baseName(StepContext ctx, Part first) {
        String name = ctx.document().name();
        if (name == null || name.isBlank()) {
            name = first.name();
        }
        if (name == null || name.isBlank()) {
            return NAME;
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String label(Part part) {
        return part.name() != null ? part.name() : part.id();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "flowpack-morph-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
