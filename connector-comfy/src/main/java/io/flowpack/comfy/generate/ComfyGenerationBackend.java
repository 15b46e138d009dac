package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyClient;
import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.client.ComfyException;
import io.flowpack.comfy.client.PromptInterruptedException;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.comfy.template.WorkflowTemplate;
import io.flowpack.generate.GenerationBackend;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.GenerationRequest;
import io.flowpack.generate.GenerationResult;
import io.flowpack.schedule.FramePrompt;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The {@code comfy} generation backend: runs the text-to-image template (img2img: the refine template, denoise =
 * strength), then optionally the upscale template on each image, on a ComfyUI server (or flowpack's graph runner).
 * The request is bound into the nodes titled as {@link GenerationTitles} says. A schedule frame between keyframes
 * blends its two prompts with ComfyUI's {@code ConditioningAverage} ({@link PromptBlend}); a keyframe (weight 1)
 * runs the template unchanged, so it is exactly the image of its prompt.
 */
public final class ComfyGenerationBackend implements GenerationBackend {
    public static final String NAME = "comfy";

    private final ComfyClients clients;
    private final TemplateFolder templates;
    private final ComfyGenerationSettings settings;

    public ComfyGenerationBackend(ComfyClients clients, TemplateFolder templates, ComfyGenerationSettings settings) {
        this.clients = clients;
        this.templates = templates;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    public ComfyGenerationSettings settings() {
        return settings;
    }

    @Override
    public GenerationResult generate(GenerationRequest request, GenerationListener listener) {
        return run(request, request.prompt(), request.negativePrompt(), null, listener);
    }

    @Override
    public GenerationResult generateFrame(GenerationRequest request, FramePrompt frame, GenerationListener listener) {
        return run(request, frame.currentPositive(), frame.currentNegative(), frame, listener);
    }

    private GenerationResult run(GenerationRequest request, String positive, String negative, FramePrompt frame,
                                 GenerationListener listener) {
        if (listener.cancelled()) {
            throw new CancellationException("cancelled before the ComfyUI prompt was queued");
        }
        try {
            ComfyClient client = clients.client(settings.server());
            WorkflowTemplate template = templates.load(request.imageToImage()
                    ? settings.refineTemplate() : settings.txt2imgTemplate());
            ObjectNode workflow = template.copy();
            if (frame != null) {
                blend(workflow, frame, template.name());
            }
            Map<String, Object> parameters = RequestBindings.of(request, positive, negative, workflow, template.name());
            TemplateRun run = new TemplateRun(client, listener);
            List<BufferedImage> images = run.execute(template.name(), workflow, parameters, request.imageToImage()
                    ? TemplateRun.sized(request.initImage(), request.width(), request.height()) : null);
            String model = TitledNodes.text(workflow, GenerationTitles.CHECKPOINT, "ckpt_name", template.name());
            String sampler = TitledNodes.text(workflow, GenerationTitles.SAMPLER, "sampler_name", template.name());
            if (settings.upscales()) {
                WorkflowTemplate upscale = templates.load(settings.upscaleTemplate());
                List<BufferedImage> upscaled = new ArrayList<>();
                for (BufferedImage image : images) {
                    upscaled.addAll(run.execute(upscale.name(), upscale.copy(), Map.of(), image));
                }
                images = upscaled;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("server", client.settings().name());
            details.put("template", template.name());
            if (settings.upscales()) {
                details.put("upscaleTemplate", settings.upscaleTemplate());
            }
            details.put("promptIds", List.copyOf(run.promptIds()));
            details.put("scheduler", sampler == null ? request.scheduler() : sampler);
            if (frame != null) {
                details.put("frame", frame.frame());
                details.put("weight", frame.weight());
                details.put("nextPrompt", frame.nextPositive());
            }
            // ComfyUI reports no model hash; the checkpoint's name is what identifies the model there
            return new GenerationResult(images, model == null ? "" : model, "", details);
        } catch (PromptInterruptedException e) {
            if (listener.cancelled()) {
                CancellationException cancelled = new CancellationException(e.getMessage());
                cancelled.initCause(e);
                throw cancelled;
            }
            throw new GenerationException(e.getMessage(), e);
        } catch (ComfyException | TemplateException | IllegalArgumentException e) {
            throw new GenerationException("comfy backend (server '" + settings.server() + "'): " + e.getMessage(), e);
        }
    }

    /** Between keyframes: each prompt node becomes a ConditioningAverage of the current and the next prompt. */
    private static void blend(ObjectNode workflow, FramePrompt frame, String template) {
        if (frame.weight() >= 1.0) {
            return;
        }
        if (!frame.currentPositive().equals(frame.nextPositive())) {
            PromptBlend.insert(workflow, TitledNodes.require(workflow, GenerationTitles.POSITIVE, "the prompt",
                    template), GenerationTitles.POSITIVE, frame.nextPositive(), frame.weight());
        }
        if (!frame.currentNegative().equals(frame.nextNegative())) {
            PromptBlend.insert(workflow, TitledNodes.require(workflow, GenerationTitles.NEGATIVE,
                    "the schedule has negative prompts", template), GenerationTitles.NEGATIVE, frame.nextNegative(),
                    frame.weight());
        }
    }
}
