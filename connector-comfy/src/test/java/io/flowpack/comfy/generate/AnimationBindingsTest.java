package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.template.TemplateException;
import io.flowpack.morph.AnimationRequest;
import io.flowpack.schedule.ScheduleScript;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's schedule bound into the shipped {@code morph.json} by node title. */
class AnimationBindingsTest {
    static final String SEED_SCHEDULE = "general:  " + ComfyGenerationBackendTest.GENERAL + "\n"
            + ComfyGenerationBackendTest.SEED_KEYFRAMES;

    static AnimationRequest seedRequest(String model, String motionModel) {
        return new AnimationRequest(ScheduleScript.parse(SEED_SCHEDULE, 210), 640, 360, 42, 12, 7.5, model,
                motionModel);
    }

    @Test
    void theSeedsScheduleFillsScheduleLatentAndSampler() {
        ObjectNode workflow = ShippedTemplates.load("morph");
        Map<String, Object> parameters = ComfyAnimationBackend.bindings(seedRequest("", ""), workflow, "morph");

        assertThat(parameters).containsEntry("4.max_frames", 210)
                .containsEntry("4.pre_text", ComfyGenerationBackendTest.GENERAL)
                .containsEntry("4.app_text", "").containsEntry("4.start_frame", 0).containsEntry("4.end_frame", 0)
                .containsEntry("5.width", 640).containsEntry("5.height", 360).containsEntry("5.batch_size", 210)
                .containsEntry("6.seed", 42L).containsEntry("6.steps", 12).containsEntry("6.cfg", 7.5)
                .doesNotContainKeys("1.ckpt_name", "3.model_name");
        String text = (String) parameters.get("4.text");
        assertThat(text).startsWith("\"0\": \"apples on table,\"").contains("\"180\": \"strawberries on table,\"")
                .doesNotContain("general");
    }

    @Test
    void modelsNamedByTheStepReplaceTheTemplates() {
        ObjectNode workflow = ShippedTemplates.load("morph");
        Map<String, Object> parameters = ComfyAnimationBackend.bindings(seedRequest("dreamshaper_8.safetensors",
                "v3_sd15_mm.ckpt"), workflow, "morph");

        assertThat(parameters).containsEntry("1.ckpt_name", "dreamshaper_8.safetensors")
                .containsEntry("3.model_name", "v3_sd15_mm.ckpt");
    }

    @Test
    void aTemplateWithoutAScheduleNodeIsRefusedByTitle() {
        ObjectNode workflow = ShippedTemplates.load("txt2img");
        assertThatThrownBy(() -> ComfyAnimationBackend.bindings(seedRequest("", ""), workflow, "txt2img"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("has no node titled 'Prompt schedule' (the prompt schedule)");
    }
}
