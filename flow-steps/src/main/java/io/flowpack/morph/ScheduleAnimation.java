package io.flowpack.morph;

import io.flowpack.document.Part;
import io.flowpack.generate.GenerationRecord;
import io.flowpack.schedule.PromptSchedule;
import io.flowpack.schedule.ScheduleScript;
import io.flowpack.schedule.ScheduleSettings;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepException;
import io.flowpack.video.VideoFormat;
import io.flowpack.video.VideoSpec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Method {@code comfy}: the whole schedule goes to an {@link AnimationBackend} (an AnimateDiff workflow on a ComfyUI
 * server), which makes every frame; each frame is fitted to the video's size (cover and crop) and encoded as it
 * arrives. The server samples at the size rounded up to multiples of 8. Sampling is the first
 * {@value #SAMPLING_SHARE} of the progress, receiving and encoding the frames the rest.
 */
final class ScheduleAnimation {
    static final double SAMPLING_SHARE = 0.8;

    private ScheduleAnimation() {
    }

    static List<Part> run(AnimationBackend backend, String script, MorphParams params, String baseName,
                          List<Part> inputs, StepContext ctx) throws StepException {
        ScheduleSettings schedule;
        VideoFormat format = VideoFormat.of(params.format());
        FrameSize size;
        AnimationRequest request;
        try { // refuses a bad schedule or size before anything is sent
            schedule = ScheduleScript.parse(script, params.frames());
            PromptSchedule.parse(schedule);
            size = FrameSize.of(params.width(), params.height(), ScheduleKeyframes.DEFAULT_SIZE,
                    ScheduleKeyframes.DEFAULT_SIZE, format,
                    ctx.imageLimits().maxPixels());
            request = new AnimationRequest(schedule, multipleOf8(size.width()), multipleOf8(size.height()),
                    params.seed(), params.steps(), params.guidance(), params.keyframeModel(), params.motionModel());
        } catch (IllegalArgumentException e) { // ScheduleException included
            throw new StepException(e.getMessage(), e);
        }
        VideoSpec spec = new VideoSpec(size.width(), size.height(), params.fps(), format, params.quality());
        MorphStep.auditVideo(ctx, backend.name(), spec, params.frames());
        ctx.audit("digitalSourceType", GenerationRecord.TRAINED_ALGORITHMIC_MEDIA);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("keyframes", inputs.stream().map(Part::id).toList());
        metadata.put("seed", params.seed());
        metadata.put("digitalSourceType", GenerationRecord.TRAINED_ALGORITHMIC_MEDIA);
        return MorphStep.encode(spec, params.frames(), baseName, metadata, ctx, sink -> {
            Map<String, Object> details;
            try {
                details = backend.animate(request, new AnimationListener() {
                    @Override
                    public void step(int done, int total) {
                        ctx.progress(SAMPLING_SHARE * done / Math.max(1, total), "step " + done + " of " + total);
                    }

                    @Override
                    public void frame(int index, BufferedImage image) {
                        if (index != sink.frames()) {
                            throw new AnimationException("frame " + index + " arrived after " + sink.frames()
                                    + " frames; frames must come in order");
                        }
                        if (index >= params.frames()) {
                            throw new AnimationException("the server made more than the " + params.frames()
                                    + " frames asked for");
                        }
                        try {
                            sink.write(KeyframeImages.cover(image, spec.width(), spec.height()).pixels());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        int done = index + 1;
                        ctx.progress(SAMPLING_SHARE + (1 - SAMPLING_SHARE) * done / params.frames(),
                                "frame " + done + " of " + params.frames());
                    }

                    @Override
                    public boolean cancelled() {
                        return ctx.cancelled();
                    }
                });
            } catch (CancellationException e) {
                throw new StepCancelledException(ctx.step());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (AnimationException | IllegalArgumentException e) {
                throw new StepException(backend.name() + " animation: " + e.getMessage(), e);
            }
            if (sink.frames() != params.frames()) {
                throw new StepException(backend.name() + " animation made " + sink.frames() + " frames, "
                        + params.frames() + " were asked for");
            }
            details.forEach(ctx::audit);
        });
    }

    private static int multipleOf8(int pixels) {
        return (pixels + 7) / 8 * 8;
    }
}
