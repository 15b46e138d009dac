package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.generate.GenerationRequest;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.flowpack.comfy.generate.GenerationTitles.CHECKPOINT;
import static io.flowpack.comfy.generate.GenerationTitles.LATENT;
import static io.flowpack.comfy.generate.GenerationTitles.NEGATIVE;
import static io.flowpack.comfy.generate.GenerationTitles.POSITIVE;
import static io.flowpack.comfy.generate.GenerationTitles.SAMPLER;

/**
 * A generation request as workflow parameters ({@code <node id>.<input>} → value) for the nodes titled as
 * {@link GenerationTitles} says. An img2img request's image is resized to its size before upload, so only a
 * {@code RepeatLatentBatch} titled {@value GenerationTitles#LATENT} takes its batch.
 */
final class RequestBindings {

    private RequestBindings() {
    }

    static Map<String, Object> of(GenerationRequest request, String positive, String negative, ObjectNode workflow,
                                  String template) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put(TitledNodes.require(workflow, POSITIVE, "the prompt", template) + ".text", positive);
        var negativeNode = TitledNodes.find(workflow, NEGATIVE, template);
        if (negativeNode.isPresent()) {
            parameters.put(negativeNode.get() + ".text", negative);
        } else if (!negative.isBlank()) {
            TitledNodes.require(workflow, NEGATIVE, "the request has a negative prompt", template);
        }
        String sampler = TitledNodes.require(workflow, SAMPLER, "seed, steps and cfg", template);
        parameters.put(sampler + ".seed", request.seed());
        parameters.put(sampler + ".steps", request.steps());
        parameters.put(sampler + ".cfg", request.guidance());
        if (!"auto".equals(request.scheduler())) {
            parameters.put(sampler + ".sampler_name", request.scheduler());
        }
        if (request.imageToImage()) {
            parameters.put(sampler + ".denoise", request.strength());
        }
        bindLatent(request, workflow, template, parameters);
        if (request.model() != null && !request.model().isBlank()) {
            parameters.put(TitledNodes.require(workflow, CHECKPOINT, "the request names the model '"
                    + request.model() + "'", template) + ".ckpt_name", request.model());
        }
        return parameters;
    }

    private static void bindLatent(GenerationRequest request, ObjectNode workflow, String template,
                                   Map<String, Object> parameters) {
        var latent = TitledNodes.find(workflow, LATENT, template);
        if (latent.isEmpty()) {
            if (!request.imageToImage()) {
                TitledNodes.require(workflow, LATENT, "width, height and batch_size of text to image", template);
            }
            if (request.batch() > 1) {
                throw new TemplateException("workflow template '" + template + "' makes one image per start image;"
                        + " for batch " + request.batch() + " add a RepeatLatentBatch titled '" + LATENT
                        + "' after the VAEEncode");
            }
            return;
        }
        String id = latent.get();
        if (TitledNodes.inputs(workflow, id).has("amount")) {
            parameters.put(id + ".amount", request.batch());
        } else {
            parameters.put(id + ".width", request.width());
            parameters.put(id + ".height", request.height());
            parameters.put(id + ".batch_size", request.batch());
        }
    }
}
