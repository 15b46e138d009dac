package io.flowpack.comfy.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkflowValidatorTest {

    private static List<String> problems(String json) {
        return WorkflowValidator.problems(Fixtures.workflow(json), Fixtures.catalog()).stream()
                .map(WorkflowProblem::describe).toList();
    }

    @Test
    void theReferenceWorkflowFits() {
        assertThat(WorkflowValidator.problems(Fixtures.txt2img(), Fixtures.catalog())).isEmpty();
    }

    @Test
    void unknownClassAndUnknownInputAreNamed() {
        assertThat(problems("{\"1\": {\"class_type\": \"ImageSharpenPro\", \"_meta\": {\"title\": \"sharpen\"}, \"inputs\": {}}}"))
                .containsExactly("node 1 \"sharpen\" (ImageSharpenPro): the server has no node class 'ImageSharpenPro'");
        assertThat(problems("{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"house.png\", \"imgae\": \"x\"}}}"))
                .containsExactly("node 1 (LoadImage), input 'imgae': unknown input; LoadImage takes image");
    }

    @Test
    void undeclaredLinksFeedDynamicInputs() {
        assertThat(problems("{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"house.png\"}},"
                + " \"2\": {\"class_type\": \"SaveImage\", \"inputs\": {\"images\": [\"1\", 0], \"filename_prefix\": \"x\","
                + " \"image_2\": [\"1\", 0]}}}")).isEmpty();
    }

    @Test
    void uploadedFilesInSubfoldersOrOtherFoldersAreLeftToTheNode() {
        assertThat(problems("{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"clipspace/mask.png\"}},"
                + " \"2\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"ComfyUI_00001_.png [output]\"}}}")).isEmpty();
        assertThat(problems("{\"1\": {\"class_type\": \"ImageScaleBy\", \"inputs\": {\"image\": [\"2\", 0],"
                + " \"upscale_method\": \"x/y\", \"scale_by\": 1}}, \"2\": {\"class_type\": \"LoadImage\","
                + " \"inputs\": {\"image\": \"house.png\"}}}"))
                .containsExactly("node 1 (ImageScaleBy), input 'upscale_method': value \"x/y\" is not one of"
                        + " [nearest-exact, bilinear, area, bicubic, lanczos]");
    }

    @Test
    void hiddenInputsAreAccepted() {
        assertThat(problems("{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"house.png\"}},"
                + " \"2\": {\"class_type\": \"SaveImage\", \"inputs\": {\"images\": [\"1\", 0], \"filename_prefix\": \"x\","
                + " \"prompt\": \"p\"}}}")).isEmpty();
    }

    @Test
    void rangesCombosAndTypes() {
        String workflow = "{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"missing.png\"}},"
                + " \"2\": {\"class_type\": \"ImageScaleBy\", \"inputs\": {\"image\": [\"1\", 0], \"upscale_method\": \"sharp\","
                + " \"scale_by\": 9.5}},"
                + " \"3\": {\"class_type\": \"UpscaleModelLoader\", \"inputs\": {\"model_name\": \"4x-Ultra.pth\"}},"
                + " \"4\": {\"class_type\": \"EmptyLatentImage\", \"inputs\": {\"width\": 8, \"height\": \"tall\", \"batch_size\": 1.5}},"
                + " \"5\": {\"class_type\": \"SaveImage\", \"inputs\": {\"images\": [\"2\", 0], \"filename_prefix\": {\"a\": 1}}},"
                + " \"6\": {\"class_type\": \"LoadImageOutput\", \"inputs\": {\"image\": \"anything [output]\"}}}";
        assertThat(problems(workflow)).containsExactly(
                "node 1 (LoadImage), input 'image': value \"missing.png\" is not one of [example.png, house.png]",
                "node 2 (ImageScaleBy), input 'upscale_method': value \"sharp\" is not one of [nearest-exact, bilinear, area, bicubic, lanczos]",
                "node 2 (ImageScaleBy), input 'scale_by': value 9.5 is bigger than the maximum 8.0",
                "node 3 (UpscaleModelLoader), input 'model_name': value \"4x-Ultra.pth\" is not one of [RealESRGAN_x4plus.pth]",
                "node 4 (EmptyLatentImage), input 'width': value 8 is smaller than the minimum 16",
                "node 4 (EmptyLatentImage), input 'height': expects an integer (INT), got \"tall\"",
                "node 4 (EmptyLatentImage), input 'batch_size': expects an integer (INT), got 1.5",
                "node 5 (SaveImage), input 'filename_prefix': expects a string (STRING), got {\"a\":1}");
    }

    @Test
    void seedsUpToTwoToTheSixtyFourAreInRange() {
        ObjectNode workflow = Fixtures.txt2img();
        workflow.withObjectProperty("3").withObjectProperty("inputs")
                .put("seed", new java.math.BigInteger("18446744073709551616"));
        assertThat(WorkflowValidator.problems(workflow, Fixtures.catalog())).singleElement()
                .extracting(WorkflowProblem::describe).asString()
                .contains("input 'seed': value 18446744073709551616 is bigger than the maximum 18446744073709551615");
    }

    @Test
    void linksAreChecked() {
        String workflow = "{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"house.png\"}},"
                + " \"2\": {\"class_type\": \"ImageUpscaleWithModel\", \"inputs\": {\"upscale_model\": [\"1\", 0], \"image\": [\"1\", 2]}},"
                + " \"3\": {\"class_type\": \"SaveImage\", \"inputs\": {\"images\": [\"7\", 0], \"filename_prefix\": \"x\"}},"
                + " \"4\": {\"class_type\": \"ImageScaleBy\", \"inputs\": {\"image\": \"house.png\", \"upscale_method\": \"area\"}}}";
        assertThat(problems(workflow)).containsExactly(
                "node 2 (ImageUpscaleWithModel), input 'upscale_model': needs UPSCALE_MODEL but is linked to output 0 (IMAGE) of node 1 (LoadImage)",
                "node 2 (ImageUpscaleWithModel), input 'image': linked to output 2 of node 1 (LoadImage), which has 2 output(s)",
                "node 3 (SaveImage), input 'images': linked to node 7, which the workflow does not have",
                "node 4 (ImageScaleBy), input 'image': takes a link to a IMAGE output ([\"<node id>\", <output index>]), got \"house.png\"",
                "node 4 (ImageScaleBy), input 'scale_by': required input is missing (FLOAT)");
    }

    @Test
    void theExceptionNamesTemplateServerNodeAndInput() {
        assertThatThrownBy(() -> WorkflowValidator.validate(Fixtures.workflow(
                "{\"1\": {\"class_type\": \"ImageScaleBy\", \"inputs\": {\"scale_by\": 0}}}"), Fixtures.catalog(), "upscale"))
                .isInstanceOf(WorkflowValidationException.class)
                .hasMessageStartingWith("workflow template 'upscale' does not fit ComfyUI server 'test': ")
                .hasMessageContaining("node 1 (ImageScaleBy), input 'scale_by': value 0 is smaller than the minimum 0.01");
    }

    @Test
    void loadImageTargetsByOrderOrTitle() {
        ObjectNode workflow = Fixtures.workflow("{\"10\": {\"class_type\": \"LoadImage\", \"_meta\": {\"title\": \"mask\"}, \"inputs\": {}},"
                + " \"2\": {\"class_type\": \"LoadImage\", \"_meta\": {\"title\": \"photo\"}, \"inputs\": {}},"
                + " \"3\": {\"class_type\": \"SaveImage\", \"inputs\": {}}}");
        assertThat(ImageWiring.targets(workflow, List.of(), "t")).containsExactly("2", "10");
        assertThat(ImageWiring.targets(workflow, List.of("mask", "photo"), "t")).containsExactly("10", "2");
        assertThatThrownBy(() -> ImageWiring.targets(workflow, List.of("3"), "t"))
                .hasMessageContaining("node 3 (SaveImage) is not a LoadImage node");
        ImageWiring.wire(workflow, List.of("2", "10"), List.of("a.png", "sub/b.png"));
        assertThat(workflow.at("/10/inputs/image").asText()).isEqualTo("sub/b.png");
    }
}
