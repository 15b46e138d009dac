package io.flowpack.morph;

import io.flowpack.generate.GenerationBackend;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.GenerationResult;
import io.flowpack.schedule.FramePrompt;
import io.flowpack.schedule.Keyframe;
import io.flowpack.schedule.PromptSchedule;
import io.flowpack.schedule.ScheduleScript;
import io.flowpack.step.StepCancelledException;
import io.flowpack.step.StepContext;
import io.flowpack.step.StepException;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;

/**
 * Keyframe images generated from a prompt schedule: one text-to-image run per keyframe the schedule names, each
 * with its own prompt (expressions evaluated, {@code --neg} split off) and all with the same seed, so neighbouring
 * keyframes share their noise and stay coherent.
 */
final class ScheduleKeyframes {
    /** Size of a generated keyframe when the morph's width or height is 0 (generate's default). */
    static final int DEFAULT_SIZE = 512;

    /** The positive and negative prompt of one keyframe the schedule names. */
    record Prompt(int frame, String positive, String negative) {
    }

    private ScheduleKeyframes() {
    }

    /** Width of the generated keyframes: the morph's, else {@value #DEFAULT_SIZE}. */
    static int width(MorphParams params) {
        return params.width() > 0 ? params.width() : DEFAULT_SIZE;
    }

    /** Height of the generated keyframes: the morph's, else {@value #DEFAULT_SIZE}. */
    static int height(MorphParams params) {
        return params.height() > 0 ? params.height() : DEFAULT_SIZE;
    }

    /** The prompts of the keyframes the schedule names, in frame order ({@link ScheduleTimeline}'s keyframes). */
    static List<Prompt> prompts(String text, int frames) {
        PromptSchedule schedule = PromptSchedule.parse(ScheduleScript.parse(text, frames));
        List<Prompt> prompts = new ArrayList<>();
        for (Keyframe keyframe : schedule.keyframes()) {
            if (keyframe.key().isEmpty()) {
                continue;
            }
            FramePrompt frame;
            if (keyframe.frame() < frames) {
                frame = schedule.frame(keyframe.frame());
                prompts.add(new Prompt(keyframe.frame(), frame.currentPositive(), frame.currentNegative()));
            } else { // a key of max_f: the last frame leads into it
                frame = schedule.frame(frames - 1);
                prompts.add(new Prompt(keyframe.frame(), frame.nextPositive(), frame.nextNegative()));
            }
        }
        return prompts;
    }

    /**
     * Generates one image per prompt; {@code progress} hears (steps done, steps in all) over all keyframes.
     *
     * @throws StepException for a request the backend refuses or a generation that fails
     */
    static List<BufferedImage> generate(GenerationBackend backend, List<Prompt> prompts, MorphParams params,
                                        StepContext ctx, BiConsumer<Integer, Integer> progress) throws StepException {
        int width = width(params);
        int height = height(params);
        int total = prompts.size() * params.steps();
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            ctx.checkCancelled();
            Prompt prompt = prompts.get(i);
            int before = i * params.steps();
            try {
                GenerationRequest request = new GenerationRequest(prompt.positive(), prompt.negative(), params.seed(),
                        width, height, params.steps(), params.guidance(), 1, "auto", 0, null, params.keyframeModel());
                GenerationResult result = backend.generate(request, new GenerationListener() {
                    @Override
                    public void step(int done, int steps) {
                        progress.accept(before + done * params.steps() / Math.max(1, steps), total);
                    }

                    @Override
                    public boolean cancelled() {
                        return ctx.cancelled();
                    }
                });
                images.add(result.images().get(0));
            } catch (CancellationException e) {
                throw new StepCancelledException(ctx.step());
            } catch (IllegalArgumentException | GenerationException e) {
                throw new StepException("keyframe " + (i + 1) + " (\"" + prompt.positive() + "\"): " + e.getMessage(),
                        e);
            }
        }
        return images;
    }
}
