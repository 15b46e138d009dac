package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowBinderTest {

    private static ObjectNode bind(ObjectNode workflow, Map<String, ?> params, NodeCatalog catalog) {
        List<WorkflowBinder.Binding> bindings = WorkflowBinder.resolve(workflow, params, "txt2img");
        WorkflowBinder.apply(workflow, bindings, catalog, "txt2img");
        return workflow;
    }

    @Test
    void bindsByTitleIdQuotedTitleAndClassWithTypesFromObjectInfo() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sampler.seed", "18446744073709551615");
        params.put("\"Positive prompt\".text", "a house by the sea");
        params.put("Negative prompt.text", "people");
        params.put("3.cfg", "6.5");
        params.put("EmptyLatentImage.width", "768");
        ObjectNode workflow = bind(Fixtures.txt2img(), params, Fixtures.catalog());
        assertThat(workflow.at("/3/inputs/seed").bigIntegerValue()).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(workflow.at("/3/inputs/cfg").doubleValue()).isEqualTo(6.5);
        assertThat(workflow.at("/5/inputs/width").isIntegralNumber()).isTrue();
        assertThat(workflow.at("/5/inputs/width").asInt()).isEqualTo(768);
        assertThat(workflow.at("/6/inputs/text").asText()).isEqualTo("a house by the sea");
        assertThat(workflow.at("/7/inputs/text").asText()).isEqualTo("people");
        WorkflowValidator.validate(workflow, Fixtures.catalog(), "txt2img");
    }

    @Test
    void withoutObjectInfoTheTemplateValueGivesTheType() {
        ObjectNode workflow = Fixtures.workflow("{\"1\": {\"class_type\": \"X\", \"inputs\": {\"n\": 1, \"f\": 0.5, \"b\": true}}}");
        bind(workflow, Map.of("1.n", "7", "1.f", "2", "1.b", "false"), null);
        assertThat(workflow.at("/1/inputs/n").isIntegralNumber()).isTrue();
        assertThat(workflow.at("/1/inputs/f").isDouble()).isTrue();
        assertThat(workflow.at("/1/inputs/b").isBoolean()).isTrue();
        assertThat(workflow.at("/1/inputs/b").booleanValue()).isFalse();
    }

    @Test
    void wrongValuesAreRefusedWithNodeAndInput() {
        assertThatThrownBy(() -> bind(Fixtures.txt2img(), Map.of("sampler.steps", "many"), Fixtures.catalog()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("parameter sampler.steps (node 3 \"sampler\" (KSampler), input 'steps')")
                .hasMessageContaining("expects an integer (INT), got 'many'");
        assertThatThrownBy(() -> bind(Fixtures.txt2img(), Map.of("sampler.steps", "2.5"), Fixtures.catalog()))
                .hasMessageContaining("expects an integer");
        ObjectNode flags = Fixtures.workflow("{\"1\": {\"class_type\": \"X\", \"inputs\": {\"b\": true}}}");
        assertThatThrownBy(() -> bind(flags, Map.of("1.b", "yes"), null))
                .hasMessageContaining("expects a boolean (true or false), got 'yes'");
    }

    @Test
    void linkedInputsCannotBeSet() {
        assertThatThrownBy(() -> bind(Fixtures.txt2img(), Map.of("sampler.model", "x"), Fixtures.catalog()))
                .hasMessageContaining("input 'model'").hasMessageContaining("is linked to node 4");
        assertThatThrownBy(() -> bind(Fixtures.workflow("{\"1\": {\"class_type\": \"VAEDecode\", \"inputs\": {}}}"),
                Map.of("1.vae", "x"), Fixtures.catalog()))
                .hasMessageContaining("the input takes a link to a VAE output, not a value");
    }

    @Test
    void unknownAndAmbiguousNodesListTheCandidates() {
        assertThatThrownBy(() -> WorkflowBinder.resolve(Fixtures.txt2img(), Map.of("smapler.seed", 1), "txt2img"))
                .hasMessageContaining("workflow template 'txt2img' has no node with id or title 'smapler'")
                .hasMessageContaining("3 \"sampler\" (KSampler)").hasMessageContaining("9 (SaveImage)");
        assertThatThrownBy(() -> WorkflowBinder.resolve(Fixtures.txt2img(), Map.of("CLIPTextEncode.text", "x"), "txt2img"))
                .hasMessageContaining("class 'CLIPTextEncode' is used by nodes 6, 7");
        ObjectNode twins = Fixtures.workflow("{\"1\": {\"class_type\": \"X\", \"_meta\": {\"title\": \"a\"}},"
                + " \"2\": {\"class_type\": \"X\", \"_meta\": {\"title\": \"a\"}}}");
        assertThatThrownBy(() -> WorkflowBinder.resolve(twins, Map.of("a.v", 1), "t"))
                .hasMessageContaining("title 'a' names nodes 1, 2");
        assertThatThrownBy(() -> WorkflowBinder.resolve(Fixtures.txt2img(), Map.of("seed", 1), "txt2img"))
                .hasMessageContaining("must name a node and an input");
    }

    @Test
    void parameterKeys() {
        assertThat(ParameterKey.parse("sampler.seed")).isEqualTo(new ParameterKey("sampler", "seed"));
        assertThat(ParameterKey.parse("\"v1.5 model\".ckpt_name")).isEqualTo(new ParameterKey("v1.5 model", "ckpt_name"));
        assertThat(ParameterKey.parse("Positive prompt.text")).isEqualTo(new ParameterKey("Positive prompt", "text"));
        assertThatThrownBy(() -> ParameterKey.parse("\"open.text")).hasMessageContaining("\"Title\".input");
        assertThatThrownBy(() -> ParameterKey.parse("node.")).hasMessageContaining("must name a node and an input");
    }
}
