package io.flowpack.comfy.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.NodeInfo;
import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.engine.StepRegistry;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /object_info} entries of the built-in nodes against ComfyUI v0.3.64's (see the reference, §3.9 and §8), plus
 * the {@code is_input_list} key that newer ComfyUI adds.
 */
class NodeInfoShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    NodeRegistry registry;
    FolderContext context;
    ModelSessions sessions = new ModelSessions(1);

    @org.junit.jupiter.api.AfterEach
    void close() {
        sessions.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        context = new FolderContext(root);
        TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve("example.png"));
        registry = BuiltInNodes.create(new StepRegistry(),
                ModelRegistry.of(getClass().getClassLoader(), null), sessions, context.inputDirectory());
    }

    @Test
    void imageScaleBy() throws Exception {
        assertShape("ImageScaleBy", """
                {"input": {"required": {"image": ["IMAGE"],
                   "upscale_method": [["nearest-exact", "bilinear", "area", "bicubic", "lanczos"]],
                   "scale_by": ["FLOAT", {"default": 1.0, "min": 0.01, "max": 8.0, "step": 0.01}]}},
                 "input_order": {"required": ["image", "upscale_method", "scale_by"]},
                 "is_input_list": false,
                 "output": ["IMAGE"], "output_is_list": [false], "output_name": ["IMAGE"],
                 "name": "ImageScaleBy", "display_name": "Upscale Image By", "description": "",
                 "python_module": "nodes", "category": "image/upscaling", "output_node": false}""");
    }

    @Test
    void imageScale() throws Exception {
        assertShape("ImageScale", """
                {"input": {"required": {"image": ["IMAGE"],
                   "upscale_method": [["nearest-exact", "bilinear", "area", "bicubic", "lanczos"]],
                   "width": ["INT", {"default": 512, "min": 0, "max": 16384, "step": 1}],
                   "height": ["INT", {"default": 512, "min": 0, "max": 16384, "step": 1}],
                   "crop": [["disabled", "center"]]}},
                 "input_order": {"required": ["image", "upscale_method", "width", "height", "crop"]},
                 "is_input_list": false,
                 "output": ["IMAGE"], "output_is_list": [false], "output_name": ["IMAGE"],
                 "name": "ImageScale", "display_name": "Upscale Image", "description": "",
                 "python_module": "nodes", "category": "image/upscaling", "output_node": false}""");
    }

    @Test
    void saveImage() throws Exception {
        assertShape("SaveImage", """
                {"input": {"required": {
                   "images": ["IMAGE", {"tooltip": "The images to save."}],
                   "filename_prefix": ["STRING", {"default": "ComfyUI", "tooltip": "The prefix for the file to save. \
                This may include formatting information such as %date:yyyy-MM-dd% or %Empty Latent Image.width% to \
                include values from nodes."}]},
                   "hidden": {"prompt": "PROMPT", "extra_pnginfo": "EXTRA_PNGINFO"}},
                 "input_order": {"required": ["images", "filename_prefix"], "hidden": ["prompt", "extra_pnginfo"]},
                 "is_input_list": false,
                 "output": [], "output_is_list": [], "output_name": [],
                 "name": "SaveImage", "display_name": "Save Image",
                 "description": "Saves the input images to your ComfyUI output directory.",
                 "python_module": "nodes", "category": "image", "output_node": true}""");
    }

    @Test
    void loadImageListsTheInputFolderAtRequestTime() throws Exception {
        String expected = """
                {"input": {"required": {"image": [["example.png"], {"image_upload": true}]}},
                 "input_order": {"required": ["image"]},
                 "is_input_list": false,
                 "output": ["IMAGE", "MASK"], "output_is_list": [false, false], "output_name": ["IMAGE", "MASK"],
                 "name": "LoadImage", "display_name": "Load Image", "description": "",
                 "python_module": "nodes", "category": "image", "output_node": false}""";
        assertShape("LoadImage", expected);

        TestImages.writePng(TestImages.gradient(4, 4), context.inputDirectory().resolve("another.png"));

        assertShape("LoadImage", expected.replace("[\"example.png\"]", "[\"another.png\", \"example.png\"]"));
    }

    @Test
    void imageUpscaleWithModel() throws Exception {
        assertShape("ImageUpscaleWithModel", """
                {"input": {"required": {"upscale_model": ["UPSCALE_MODEL"], "image": ["IMAGE"]}},
                 "input_order": {"required": ["upscale_model", "image"]},
                 "is_input_list": false,
                 "output": ["IMAGE"], "output_is_list": [false], "output_name": ["IMAGE"],
                 "name": "ImageUpscaleWithModel", "display_name": "Upscale Image (using Model)", "description": "",
                 "python_module": "comfy_extras.nodes_upscale_model", "category": "image/upscaling",
                 "output_node": false}""");
    }

    @Test
    void imageCompositeMaskedHasAnOptionalMask() throws Exception {
        assertShape("ImageCompositeMasked", """
                {"input": {"required": {"destination": ["IMAGE"], "source": ["IMAGE"],
                   "x": ["INT", {"default": 0, "min": 0, "max": 16384, "step": 1}],
                   "y": ["INT", {"default": 0, "min": 0, "max": 16384, "step": 1}],
                   "resize_source": ["BOOLEAN", {"default": false}]},
                   "optional": {"mask": ["MASK"]}},
                 "input_order": {"required": ["destination", "source", "x", "y", "resize_source"],
                   "optional": ["mask"]},
                 "is_input_list": false,
                 "output": ["IMAGE"], "output_is_list": [false], "output_name": ["IMAGE"],
                 "name": "ImageCompositeMasked", "display_name": "ImageCompositeMasked", "description": "",
                 "python_module": "comfy_extras.nodes_mask", "category": "image", "output_node": false}""");
    }

    @Test
    void upscaleModelLoaderUsesTheLegacyComboSpelling() throws Exception {
        assertShape("UpscaleModelLoader", """
                {"input": {"required": {"model_name": [["esrgan-slim-x2", "esrgan-slim-x3", "esrgan-slim-x4"]]}},
                 "input_order": {"required": ["model_name"]},
                 "is_input_list": false,
                 "output": ["UPSCALE_MODEL"], "output_is_list": [false], "output_name": ["UPSCALE_MODEL"],
                 "name": "UpscaleModelLoader", "display_name": "Load Upscale Model", "description": "",
                 "python_module": "comfy_extras.nodes_upscale_model", "category": "loaders",
                 "output_node": false}""");
    }

    private void assertShape(String classType, String expected) throws Exception {
        ComfyNode node = registry.find(classType).orElseThrow();
        JsonNode actual = JSON.readTree(JSON.writeValueAsString(NodeInfo.of(node.definition())));
        assertThat(actual).isEqualTo(JSON.readTree(expected));
        assertThat(fieldOrder(actual)).isEqualTo(fieldOrder(JSON.readTree(expected)));
    }

    private static java.util.List<String> fieldOrder(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
