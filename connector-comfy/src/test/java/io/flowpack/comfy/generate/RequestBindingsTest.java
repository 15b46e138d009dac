package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyJson;
import io.flowpack.comfy.template.NodeCatalog;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.comfy.template.WorkflowValidator;
import io.flowpack.generate.GenerationRequest;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A generation request bound into the shipped templates by node title, checked against ComfyUI's object_info. */
class RequestBindingsTest {
    static final NodeCatalog COMFY = ShippedTemplates.comfyCatalog();
    static final BufferedImage START = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);

    static GenerationRequest text(String scheduler, String model, int batch) {
        return new GenerationRequest("apples on table", "blurry", 4294967295L, 640, 360, 25, 6.5, batch, scheduler,
                0.75, null, model);
    }

    static JsonNode inputs(ObjectNode workflow, String id) {
        return workflow.path(id).path("inputs");
    }

    @Test
    void textToImageSetsPromptsSamplerLatentAndCheckpoint() {
        ObjectNode workflow = ShippedTemplates.load("txt2img");
        GenerationRequest request = text("euler_ancestral", "v1-5-pruned-emaonly.safetensors", 2);
        ShippedTemplates.bind(workflow, RequestBindings.of(request, request.prompt(), request.negativePrompt(),
                workflow, "txt2img"), COMFY);

        assertThat(inputs(workflow, "6").path("text").asText()).isEqualTo("apples on table");
        assertThat(inputs(workflow, "7").path("text").asText()).isEqualTo("blurry");
        JsonNode sampler = inputs(workflow, "3");
        assertThat(sampler.path("seed").isIntegralNumber()).isTrue();
        assertThat(sampler.path("seed").asLong()).isEqualTo(4294967295L);
        assertThat(sampler.path("steps").asInt()).isEqualTo(25);
        assertThat(sampler.path("cfg").asDouble()).isEqualTo(6.5);
        assertThat(sampler.path("sampler_name").asText()).isEqualTo("euler_ancestral");
        assertThat(sampler.path("denoise").asDouble()).isEqualTo(1.0);
        assertThat(sampler.path("positive").toString()).isEqualTo("[\"6\",0]");
        JsonNode latent = inputs(workflow, "5");
        assertThat(latent.path("width").asInt()).isEqualTo(640);
        assertThat(latent.path("height").asInt()).isEqualTo(360);
        assertThat(latent.path("batch_size").asInt()).isEqualTo(2);
        assertThat(inputs(workflow, "4").path("ckpt_name").asText()).isEqualTo("v1-5-pruned-emaonly.safetensors");
        WorkflowValidator.validate(workflow, COMFY, "txt2img");
    }

    @Test
    void autoSchedulerAndNoModelKeepTheTemplatesValues() {
        ObjectNode workflow = ShippedTemplates.load("txt2img");
        Map<String, Object> parameters = RequestBindings.of(text("auto", null, 1), "p", "", workflow, "txt2img");
        assertThat(parameters).doesNotContainKeys("3.sampler_name", "4.ckpt_name", "3.denoise")
                .containsEntry("7.text", "");
    }

    @Test
    void refineSetsDenoiseFromStrengthAndNoLatent() {
        ObjectNode workflow = ShippedTemplates.load("refine");
        GenerationRequest request = new GenerationRequest("sharper", "", 7, 64, 48, 10, 7.5, 1, "euler", 0.35, START,
                "v1-5-pruned-emaonly.safetensors");
        ShippedTemplates.bind(workflow, RequestBindings.of(request, "sharper", "", workflow, "refine"), COMFY);
        assertThat(inputs(workflow, "6").path("denoise").asDouble()).isEqualTo(0.35);
        assertThat(inputs(workflow, "6").path("seed").asLong()).isEqualTo(7);
        assertThat(inputs(workflow, "4").path("text").asText()).isEqualTo("sharper");
        assertThat(inputs(workflow, "2").path("ckpt_name").asText()).isEqualTo("v1-5-pruned-emaonly.safetensors");
    }

    @Test
    void refineWithABatchNeedsARepeatLatentBatch() {
        ObjectNode workflow = ShippedTemplates.load("refine");
        GenerationRequest request = new GenerationRequest("p", "", 7, 64, 48, 10, 7.5, 3, "euler", 0.5, START, null);
        assertThatThrownBy(() -> RequestBindings.of(request, "p", "", workflow, "refine"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("for batch 3 add a RepeatLatentBatch titled 'Latent'");

        ObjectNode repeated = ShippedTemplates.load("refine");
        repeated.set("9", ComfyJson.MAPPER.createObjectNode().put("class_type",
                "RepeatLatentBatch"));
        ((ObjectNode) repeated.get("9")).putObject("_meta").put("title", "Latent");
        ((ObjectNode) repeated.get("9")).putObject("inputs").put("amount", 1);
        assertThat(RequestBindings.of(request, "p", "", repeated, "refine")).containsEntry("9.amount", 3)
                .doesNotContainKeys("9.width", "9.batch_size");
    }

    @Test
    void missingTitlesAreNamedWithTheTemplatesNodes() {
        ObjectNode workflow = ShippedTemplates.load("txt2img");
        ((ObjectNode) workflow.get("3").get("_meta")).put("title", "KSampler");
        assertThatThrownBy(() -> RequestBindings.of(text("euler", null, 1), "p", "", workflow, "txt2img"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("workflow template 'txt2img' has no node titled 'Sampler' (seed, steps and cfg)")
                .hasMessageContaining("3 (KSampler)").hasMessageContaining("6 \"Positive prompt\" (CLIPTextEncode)");

        ObjectNode noNegative = ShippedTemplates.load("txt2img");
        ((ObjectNode) noNegative.get("7").get("_meta")).put("title", "other");
        assertThat(RequestBindings.of(text("euler", null, 1), "p", "", noNegative, "txt2img")).doesNotContainKey("7.text");
        assertThatThrownBy(() -> RequestBindings.of(text("euler", null, 1), "p", "ugly", noNegative, "txt2img"))
                .hasMessageContaining("no node titled 'Negative prompt' (the request has a negative prompt)");

        ObjectNode twice = ShippedTemplates.load("txt2img");
        ((ObjectNode) twice.get("7").get("_meta")).put("title", "Positive prompt");
        assertThatThrownBy(() -> RequestBindings.of(text("euler", null, 1), "p", "", twice, "txt2img"))
                .hasMessageContaining("title 'Positive prompt' names nodes 6, 7");
    }
}
