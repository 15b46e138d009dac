package io.flowpack.comfy.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowTemplateTest {

    private static WorkflowTemplate parse(String json) {
        return WorkflowTemplate.parse("t", "t.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void brokenJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> parse("{\n \"1\": {\"class_type\": \"LoadImage\",\n \"inputs\": {\"image\": }}\n}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("workflow template 't' (t.json) is not valid JSON at line 3, column");
    }

    @Test
    void editorFormatIsRecognised() {
        assertThatThrownBy(() -> parse("{\"last_node_id\": 9, \"nodes\": [], \"links\": [], \"version\": 0.4}"))
                .hasMessageContaining("editor (UI) format").hasMessageContaining("Save (API Format)");
    }

    @Test
    void shapeErrorsNameTheNode() {
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("must be a JSON object of nodes keyed by id")
                .hasMessageContaining("not an array");
        assertThatThrownBy(() -> parse("{}")).hasMessageContaining("has no nodes");
        assertThatThrownBy(() -> parse("{\"4\": {\"inputs\": {}}}")).hasMessageContaining("node 4: has no class_type");
        assertThatThrownBy(() -> parse("{\"4\": 7}")).hasMessageContaining("node 4: must be an object")
                .hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse("{\"4\": {\"class_type\": \"X\", \"inputs\": []}}"))
                .hasMessageContaining("node 4 (X): inputs must be an object, not an array");
        assertThatThrownBy(() -> parse("{\"5\": {\"class_type\": \"VAEDecode\", \"inputs\": {\"samples\": [3, 0]}}}"))
                .hasMessageContaining("node 5 (VAEDecode), input 'samples': a link must be [\"<node id>\", <output index>]")
                .hasMessageContaining("got [3,0]");
        assertThatThrownBy(() -> parse("{\"5\": {\"class_type\": \"X\", \"_meta\": {\"title\": 3}}}"))
                .hasMessageContaining("_meta must be");
    }

    @Test
    void copiesAreIndependent() {
        WorkflowTemplate template = parse("{\"1\": {\"class_type\": \"X\", \"inputs\": {\"a\": 1}}}");
        template.copy().withObjectProperty("1").withObjectProperty("inputs").put("a", 2);
        assertThat(template.workflow().path("1").path("inputs").path("a").asInt()).isEqualTo(1);
    }

    @Test
    void folderLoadsByNameReloadsOnChangeAndRefusesPaths(@TempDir Path dir) throws Exception {
        TemplateFolder folder = new TemplateFolder(dir);
        Files.writeString(dir.resolve("up.json"), "{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"a.png\"}}}");
        assertThat(folder.load("up").workflow().path("1").path("class_type").asText()).isEqualTo("LoadImage");
        Files.writeString(dir.resolve("up.json"), "{\"1\": {\"class_type\": \"SaveImage\", \"inputs\": {}}, \"2\": {\"class_type\": \"X\"}}");
        assertThat(folder.load("up").workflow().size()).isEqualTo(2);
        assertThatThrownBy(() -> folder.load("../etc/passwd")).hasMessageContaining("is not allowed");
        assertThatThrownBy(() -> folder.load("nope")).hasMessageContaining("no workflow template 'nope'")
                .hasMessageContaining("templates in").hasMessageContaining(": up");
        assertThat(folder.names()).containsExactly("up");
    }
}
