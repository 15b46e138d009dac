package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** ComfyUI's error shapes (reference §3.1 and §4.2) into precise exceptions. */
class PromptErrorsTest {

    private static JsonNode json(String text) throws Exception {
        return ComfyJson.MAPPER.readTree(text);
    }

    @Test
    void validationFailureNamesNodeClassAndInput() throws Exception {
        JsonNode body = json("""
                {"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation",
                           "details": "Value not in list: ckpt_name: 'v1-5-pruned-emaonly-fp16.safetensors' not in []",
                           "extra_info": {}},
                 "node_errors": {"4": {"errors": [{"type": "value_not_in_list", "message": "Value not in list",
                      "details": "ckpt_name: 'v1-5-pruned-emaonly-fp16.safetensors' not in []",
                      "extra_info": {"input_name": "ckpt_name",
                                     "input_config": [[], {"tooltip": "The name of the checkpoint (model) to load."}],
                                     "received_value": "v1-5-pruned-emaonly-fp16.safetensors"}}],
                      "dependent_outputs": ["9"], "class_type": "CheckpointLoaderSimple"}}}
                """);
        PromptRejectedException e = PromptErrors.rejected("studio", body);
        assertThat(e.errorType()).isEqualTo("prompt_outputs_failed_validation");
        assertThat(e.nodeErrors()).singleElement().satisfies(n -> {
            assertThat(n.nodeId()).isEqualTo("4");
            assertThat(n.classType()).isEqualTo("CheckpointLoaderSimple");
            assertThat(n.type()).isEqualTo("value_not_in_list");
            assertThat(n.inputName()).isEqualTo("ckpt_name");
            assertThat(n.receivedValue()).isEqualTo("\"v1-5-pruned-emaonly-fp16.safetensors\"");
            assertThat(n.dependentOutputs()).containsExactly("9");
        });
        assertThat(e.getMessage()).isEqualTo("ComfyUI server 'studio' refused the workflow: Prompt outputs failed"
                + " validation [prompt_outputs_failed_validation]; node 4 (CheckpointLoaderSimple) input 'ckpt_name':"
                + " Value not in list: ckpt_name: 'v1-5-pruned-emaonly-fp16.safetensors' not in []");
    }

    @Test
    void severalErrorsOfSeveralNodesAreAllListed() throws Exception {
        JsonNode body = json("""
                {"error": {"type": "prompt_outputs_failed_validation", "message": "Prompt outputs failed validation",
                           "details": "", "extra_info": {}},
                 "node_errors": {
                   "3": {"errors": [{"type": "required_input_missing", "message": "Required input is missing",
                                     "details": "seed", "extra_info": {"input_name": "seed"}},
                                    {"type": "value_bigger_than_max", "message": "Value 200 bigger than max of 100",
                                     "details": "cfg", "extra_info": {"input_name": "cfg", "received_value": 200}}],
                         "dependent_outputs": ["9"], "class_type": "KSampler"},
                   "5": {"errors": [{"type": "exception_during_validation", "message": "Exception when validating node",
                                     "details": "boom", "extra_info": {"exception_type": "KeyError", "traceback": []}}],
                         "dependent_outputs": ["9"], "class_type": "EmptyLatentImage"}}}
                """);
        PromptRejectedException e = PromptErrors.rejected("s", body);
        assertThat(e.nodeErrors()).extracting(NodeError::describe).containsExactly(
                "node 3 (KSampler) input 'seed': Required input is missing: seed",
                "node 3 (KSampler) input 'cfg': Value 200 bigger than max of 100: cfg",
                "node 5 (EmptyLatentImage): Exception when validating node: boom");
        assertThat(e.nodeErrors().get(1).receivedValue()).isEqualTo("200");
    }

    @Test
    void topLevelErrorsWithoutNodeErrors() throws Exception {
        PromptRejectedException missing = PromptErrors.rejected("s", json("""
                {"error": {"type": "invalid_prompt", "message": "Cannot execute because node KSamplerX does not exist.",
                           "details": "Node ID '#3'", "extra_info": {}}, "node_errors": {}}
                """));
        assertThat(missing.getMessage()).isEqualTo("ComfyUI server 's' refused the workflow: Cannot execute because"
                + " node KSamplerX does not exist.: Node ID '#3' [invalid_prompt]");
        PromptRejectedException latest = PromptErrors.rejected("s", json("""
                {"error": {"type": "missing_node_type", "message": "Node 'sharpen' not found. The custom node may not be installed.",
                           "details": "Node ID '#3'", "extra_info": {"node_id": "3", "class_type": "Sharpen", "node_title": "sharpen"}},
                 "node_errors": {}}
                """));
        assertThat(latest.errorType()).isEqualTo("missing_node_type");
        assertThat(latest.getMessage()).contains("Node 'sharpen' not found");
        PromptRejectedException plain = PromptErrors.rejected("s", json("{\"error\": \"no prompt\"}"));
        assertThat(plain.getMessage()).isEqualTo("ComfyUI server 's' refused the workflow: no prompt");
    }

    @Test
    void executionErrorAndInterrupt() throws Exception {
        PromptFailedException failed = PromptErrors.failed("s", "p1", json("""
                {"prompt_id": "p1", "node_id": "10", "node_type": "ImageUpscaleWithModel", "executed": ["9"],
                 "exception_message": "Allocation on device\\nThis error means you ran out of memory on your GPU.\\n",
                 "exception_type": "torch.OutOfMemoryError", "traceback": [], "current_inputs": {},
                 "current_outputs": [], "timestamp": 1733000004567}
                """));
        assertThat(failed.nodeId()).isEqualTo("10");
        assertThat(failed.getMessage()).isEqualTo("ComfyUI server 's': prompt p1 failed in node 10"
                + " (ImageUpscaleWithModel): torch.OutOfMemoryError: Allocation on device\n"
                + "This error means you ran out of memory on your GPU.");
        PromptInterruptedException interrupted = PromptErrors.interrupted("s", "p1", json("""
                {"prompt_id": "p1", "node_id": "3", "node_type": "KSampler", "executed": [], "timestamp": 1}
                """));
        assertThat(interrupted.getMessage()).isEqualTo("ComfyUI server 's': prompt p1 was interrupted in node 3 (KSampler)");
    }
}
