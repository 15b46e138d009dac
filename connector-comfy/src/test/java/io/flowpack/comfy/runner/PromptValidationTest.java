package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /prompt refusals with ComfyUI's exact error and node_errors shapes. */
class PromptValidationTest extends RunnerTestBase {

    private JsonNode refused(Object body) throws Exception {
        RunnerClient.Response response = client.post("/prompt", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json();
    }

    private JsonNode refusedPrompt(String prompt) throws Exception {
        return refused(Map.of("prompt", json(prompt)));
    }

    @Test
    void missingPromptIsNoPrompt() throws Exception {
        JsonNode body = refused(Map.of("client_id", "x"));
        assertThat(body.path("error").path("type").asText()).isEqualTo("no_prompt");
        assertThat(body.path("error").path("message").asText()).isEqualTo("No prompt provided");
        assertThat(body.path("node_errors").isEmpty()).isTrue();
    }

    @Test
    void unknownClassIsInvalidPrompt() throws Exception {
        JsonNode body = refusedPrompt("""
                {"3": {"class_type": "KSampler", "inputs": {}}}""");
        assertThat(body.path("error").toString()).isEqualTo(json("""
                {"type": "invalid_prompt", "message": "Cannot execute because node KSampler does not exist.",
                 "details": "Node ID '#3'", "extra_info": {}}""").toString());
    }

    @Test
    void promptWithoutOutputNode() throws Exception {
        JsonNode body = refusedPrompt("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 8, "value": 0.5}}}""");
        assertThat(body.path("error").path("type").asText()).isEqualTo("prompt_no_outputs");
        assertThat(body.path("error").path("message").asText()).isEqualTo("Prompt has no outputs");
    }

    @Test
    void nodeErrorsCarryTypeMessageDetailsAndInputName() throws Exception {
        JsonNode body = refusedPrompt("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 0, "height": "tall", "value": 2.5}},
                 "2": {"class_type": "TestPick", "inputs": {"image": ["1", 0], "mode": "shuffle"}},
                 "3": {"class_type": "TestSave", "inputs": {"images": ["2", 0], "filename_prefix": "p"}}}""");
        assertThat(body.path("error").path("type").asText()).isEqualTo("prompt_outputs_failed_validation");
        assertThat(body.path("error").path("message").asText()).isEqualTo("Prompt outputs failed validation");
        JsonNode one = body.path("node_errors").path("1");
        assertThat(one.path("class_type").asText()).isEqualTo("TestConstantImage");
        assertThat(one.path("dependent_outputs").toString()).isEqualTo("[\"3\"]");
        JsonNode width = one.path("errors").path(0);
        assertThat(width.path("type").asText()).isEqualTo("value_smaller_than_min");
        assertThat(width.path("message").asText()).isEqualTo("Value 0 smaller than min of 1");
        assertThat(width.path("details").asText()).isEqualTo("width");
        assertThat(width.path("extra_info").path("input_name").asText()).isEqualTo("width");
        assertThat(width.path("extra_info").path("input_config"))
                .isEqualTo(json("[\"INT\", {\"default\": 8, \"min\": 1, \"max\": 4096}]"));
        assertThat(width.path("extra_info").path("received_value").asInt()).isEqualTo(0);
        JsonNode height = one.path("errors").path(1);
        assertThat(height.path("type").asText()).isEqualTo("invalid_input_type");
        assertThat(height.path("message").asText()).isEqualTo("Failed to convert an input value to a INT value");
        assertThat(height.path("extra_info").path("exception_message").asText())
                .isEqualTo("invalid literal for int() with base 10: 'tall'");
        JsonNode value = one.path("errors").path(2);
        assertThat(value.path("type").asText()).isEqualTo("value_bigger_than_max");
        assertThat(value.path("message").asText()).isEqualTo("Value 2.5 bigger than max of 1.0");
        JsonNode mode = body.path("node_errors").path("2").path("errors").path(0);
        assertThat(mode.path("type").asText()).isEqualTo("value_not_in_list");
        assertThat(mode.path("details").asText()).isEqualTo("mode: 'shuffle' not in ['keep', 'drop']");
        assertThat(mode.path("extra_info").path("received_value").asText()).isEqualTo("shuffle");
        assertThat(body.path("node_errors").has("3")).as("no own errors on the output").isFalse();
        assertThat(body.path("error").path("details").asText()).contains("Value 0 smaller than min of 1: width")
                .contains("Value not in list: mode: 'shuffle' not in ['keep', 'drop']");
    }

    @Test
    void missingRequiredInputAndBadLinks() throws Exception {
        JsonNode body = refusedPrompt("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "value": 0.5}},
                 "2": {"class_type": "TestSave", "inputs": {"images": ["1", 0, 1]}},
                 "3": {"class_type": "TestSave", "inputs": {"images": ["99", 0]}},
                 "4": {"class_type": "TestSave", "inputs": {"images": ["1", 0]}}}""");
        JsonNode missing = body.path("node_errors").path("1").path("errors").path(0);
        assertThat(missing.toString()).isEqualTo(json("""
                {"type": "required_input_missing", "message": "Required input is missing", "details": "height",
                 "extra_info": {"input_name": "height"}}""").toString());
        assertThat(body.path("node_errors").path("1").path("dependent_outputs").toString()).isEqualTo("[\"4\"]");
        JsonNode shape = body.path("node_errors").path("2").path("errors").path(0);
        assertThat(shape.path("type").asText()).isEqualTo("bad_linked_input");
        assertThat(shape.path("message").asText())
                .isEqualTo("Bad linked input, must be a length-2 list of [node_id, slot_index]");
        JsonNode dangling = body.path("node_errors").path("3").path("errors").path(0);
        assertThat(dangling.path("type").asText()).isEqualTo("bad_linked_input");
        assertThat(dangling.path("details").asText()).isEqualTo("images: node '99' does not exist");
    }

    @Test
    void linkOfTheWrongTypeIsReturnTypeMismatch() throws Exception {
        JsonNode body = refusedPrompt("""
                {"2": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 8, "value": 0.5}},
                 "3": {"class_type": "TestSave", "inputs": {"images": ["2", 0], "filename_prefix": ["2", 0]}}}""");
        JsonNode error = body.path("node_errors").path("3").path("errors").path(0);
        assertThat(error.path("type").asText()).isEqualTo("return_type_mismatch");
        assertThat(error.path("message").asText()).isEqualTo("Return type mismatch between linked nodes");
        assertThat(error.path("details").asText())
                .isEqualTo("filename_prefix, received_type(IMAGE) mismatch input_type(STRING)");
        assertThat(error.path("extra_info").path("received_type").asText()).isEqualTo("IMAGE");
        assertThat(error.path("extra_info").path("linked_node").toString()).isEqualTo("[\"2\",0]");
    }

    @Test
    void customValidationFailure() throws Exception {
        JsonNode body = refusedPrompt("""
                {"1": {"class_type": "TestCustom", "inputs": {"name": "bad"}}}""");
        JsonNode error = body.path("node_errors").path("1").path("errors").path(0);
        assertThat(error.path("type").asText()).isEqualTo("custom_validation_failed");
        assertThat(error.path("message").asText()).isEqualTo("Custom validation failed for node");
        assertThat(error.path("details").asText()).isEqualTo("name - the name 'bad' is not allowed");
    }

    @Test
    void literalForAnImageInputIsInvalidInputType() throws Exception {
        JsonNode body = refusedPrompt("""
                {"1": {"class_type": "TestSave", "inputs": {"images": "picture.png"}}}""");
        JsonNode error = body.path("node_errors").path("1").path("errors").path(0);
        assertThat(error.path("type").asText()).isEqualTo("invalid_input_type");
        assertThat(error.path("message").asText()).isEqualTo("Failed to convert an input value to a IMAGE value");
    }

    @Test
    void dependencyCycleIsReported() throws Exception {
        JsonNode body = refusedPrompt("""
                {"1": {"class_type": "TestSlow", "inputs": {"image": ["2", 0], "steps": 1}},
                 "2": {"class_type": "TestSlow", "inputs": {"image": ["1", 0], "steps": 1}},
                 "3": {"class_type": "TestSave", "inputs": {"images": ["1", 0]}}}""");
        assertThat(body.path("node_errors").path("1").path("errors").path(0).path("type").asText())
                .isEqualTo("dependency_cycle");
    }

    @Test
    void validOutputsRunWhileInvalidOnesAreReportedWith200() throws Exception {
        RunnerClient.Response response = client.post("/prompt", Map.of("prompt", json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": 8, "height": 8, "value": 0.5}},
                 "2": {"class_type": "TestSave", "inputs": {"images": ["1", 0], "filename_prefix": "ok"}},
                 "3": {"class_type": "TestCustom", "inputs": {"name": "bad"}}}""")));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("prompt_id").asText()).hasSize(36);
        assertThat(body.path("number").asInt()).isZero();
        assertThat(body.path("node_errors").path("3").path("errors").path(0).path("type").asText())
                .isEqualTo("custom_validation_failed");
    }

    @Test
    void stringNumbersAreCoercedAsComfyUiDoes() throws Exception {
        RunnerClient.Response response = client.post("/prompt", Map.of("prompt", json("""
                {"1": {"class_type": "TestConstantImage", "inputs": {"width": "8", "height": 4.0, "value": "0.5"}},
                 "2": {"class_type": "TestSave", "inputs": {"images": ["1", 0], "filename_prefix": 7}}}"""),
                "prompt_id", "coerced-1"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode queued = Awaitility.await("coerced-1 in the history").atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(25))
                .until(() -> client.get("/history/coerced-1").json(), history -> history.has("coerced-1"))
                .path("coerced-1");
        JsonNode inputs = queued.path("prompt").path(2).path("1").path("inputs");
        assertThat(inputs.path("width").isInt()).isTrue();
        assertThat(inputs.path("height").asInt()).isEqualTo(4);
        assertThat(queued.path("prompt").path(2).path("2").path("inputs").path("filename_prefix").asText()).isEqualTo("7");
        assertThat(queued.path("status").path("status_str").asText()).isEqualTo("success");
    }
}
