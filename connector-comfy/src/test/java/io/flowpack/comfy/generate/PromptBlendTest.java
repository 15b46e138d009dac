package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.template.WorkflowValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A schedule frame's two prompts wired through ConditioningAverage into the shipped txt2img template. */
class PromptBlendTest {

    @Test
    void theSamplerReadsTheAverageOfCurrentAndNextPrompt() {
        ObjectNode workflow = ShippedTemplates.load("txt2img");
        PromptBlend.insert(workflow, "6", GenerationTitles.POSITIVE, "oranges on table", 0.25);

        JsonNode next = workflow.get("10");
        assertThat(next.path("class_type").asText()).isEqualTo("CLIPTextEncode");
        assertThat(next.path("_meta").path("title").asText()).isEqualTo("Positive prompt (next)");
        assertThat(next.path("inputs").path("text").asText()).isEqualTo("oranges on table");
        assertThat(next.path("inputs").path("clip").toString()).isEqualTo("[\"4\",1]");

        JsonNode average = workflow.get("11");
        assertThat(average.path("class_type").asText()).isEqualTo("ConditioningAverage");
        assertThat(average.path("_meta").path("title").asText()).isEqualTo("Positive prompt (blend)");
        assertThat(average.path("inputs").path("conditioning_to").toString()).isEqualTo("[\"6\",0]");
        assertThat(average.path("inputs").path("conditioning_from").toString()).isEqualTo("[\"10\",0]");
        assertThat(average.path("inputs").path("conditioning_to_strength").asDouble()).isEqualTo(0.25);

        assertThat(workflow.get("3").path("inputs").path("positive").toString()).isEqualTo("[\"11\",0]");
        assertThat(workflow.get("3").path("inputs").path("negative").toString()).isEqualTo("[\"7\",0]");
        assertThat(workflow.get("6").path("inputs").path("text").asText())
                .isEqualTo("beautiful scenery nature glass bottle landscape, , purple galaxy bottle,");

        PromptBlend.insert(workflow, "7", GenerationTitles.NEGATIVE, "night", 0.25);
        assertThat(workflow.get("3").path("inputs").path("negative").toString()).isEqualTo("[\"13\",0]");
        assertThat(workflow.get("13").path("inputs").path("conditioning_from").toString()).isEqualTo("[\"12\",0]");

        ((ObjectNode) workflow.get("4").get("inputs")).put("ckpt_name", "v1-5-pruned-emaonly.safetensors");
        WorkflowValidator.validate(workflow, ShippedTemplates.comfyCatalog(), "txt2img");
    }
}
