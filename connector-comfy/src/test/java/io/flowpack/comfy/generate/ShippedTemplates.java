package io.flowpack.comfy.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.client.ComfyJson;
import io.flowpack.comfy.template.NodeCatalog;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.comfy.template.WorkflowBinder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The templates shipped in {@code deploy/comfy-templates}, and ComfyUI's captured {@code /object_info}. */
final class ShippedTemplates {
    static final Path DIR = Path.of("../deploy/comfy-templates");

    private ShippedTemplates() {
    }

    static ObjectNode load(String name) {
        return new TemplateFolder(DIR).load(name).copy();
    }

    /** Copies the shipped generation templates (and upscale) into {@code folder}. */
    static TemplateFolder copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : new String[] {"txt2img.json", "refine.json", "upscale.json"}) {
            Files.copy(DIR.resolve(name), folder.resolve(name));
        }
        return new TemplateFolder(folder);
    }

    /** ComfyUI's captured object_info plus its ConditioningAverage declaration (as ComfyUI's nodes.py has it). */
    static NodeCatalog comfyCatalog() {
        try (InputStream in = ShippedTemplates.class.getResourceAsStream("/comfy/client/object_info.json")) {
            ObjectNode info = (ObjectNode) ComfyJson.MAPPER.readTree(in);
            info.set("ConditioningAverage", ComfyJson.MAPPER.readTree("""
                    {"input": {"required": {"conditioning_to": ["CONDITIONING"], "conditioning_from": ["CONDITIONING"],
                      "conditioning_to_strength": ["FLOAT", {"default": 1.0, "min": 0.0, "max": 1.0, "step": 0.01}]}},
                     "input_order": {"required": ["conditioning_to", "conditioning_from", "conditioning_to_strength"]},
                     "output": ["CONDITIONING"], "output_is_list": [false], "output_name": ["CONDITIONING"],
                     "name": "ConditioningAverage", "display_name": "ConditioningAverage", "description": "",
                     "python_module": "nodes", "category": "conditioning", "output_node": false}
                    """));
            return NodeCatalog.parse("captured", info);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void bind(ObjectNode workflow, Map<String, ?> parameters, NodeCatalog catalog) {
        WorkflowBinder.apply(workflow, WorkflowBinder.resolve(workflow, parameters, "t"), catalog, "t");
    }
}
