package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The captured-shape fixtures under {@code src/test/resources/comfy/client}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/comfy/client/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NodeCatalog catalog() {
        try {
            return NodeCatalog.parse("test", ComfyJson.MAPPER.readTree(bytes("object_info.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode txt2img() {
        return WorkflowTemplate.parse("txt2img", "txt2img.json", bytes("txt2img.json")).copy();
    }

    static ObjectNode workflow(String json) {
        return WorkflowTemplate.parse("t", "inline", json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).copy();
    }
}
