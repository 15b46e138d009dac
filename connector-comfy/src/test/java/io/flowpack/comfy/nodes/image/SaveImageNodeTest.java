package io.flowpack.comfy.nodes.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.comfy.nodes.TestImages;
import io.flowpack.comfy.nodes.files.PngText;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SaveImageNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;
    FolderContext context;
    BufferedImage picture;
    ImageBatch two;

    @BeforeEach
    void setUp() {
        context = new FolderContext(root);
        picture = TestImages.gradient(12, 8);
        two = ImageBatches.of(List.of(picture, TestImages.gradient(12, 8)));
    }

    @Test
    void savesEachImageWithTheNextCounterAndReportsIt() throws Exception {
        SaveImageNode node = new SaveImageNode();

        NodeOutput first = node.execute(Map.of("images", two, "filename_prefix", "ComfyUI"), context);
        NodeOutput second = node.execute(Map.of("images", ImageBatches.of(picture), "filename_prefix", "ComfyUI"),
                context);

        assertThat(first.values()).isEmpty();
        assertThat(first.ui()).isEqualTo(Map.of("images", List.of(
                Map.of("filename", "ComfyUI_00001_.png", "subfolder", "", "type", "output"),
                Map.of("filename", "ComfyUI_00002_.png", "subfolder", "", "type", "output"))));
        assertThat(second.ui()).isEqualTo(Map.of("images", List.of(
                Map.of("filename", "ComfyUI_00003_.png", "subfolder", "", "type", "output"))));
        BufferedImage back = ImageDecoder.decodeFirst(context.outputDirectory().resolve("ComfyUI_00001_.png"),
                ImageLimits.DEFAULT);
        assertThat(back.getRGB(5, 3)).isEqualTo(picture.getRGB(5, 3));
    }

    @Test
    void theCounterContinuesAfterTheHighestExistingFileOfThatPrefixOnly() throws Exception {
        Files.createFile(context.outputDirectory().resolve("page_00041_.png"));
        Files.createFile(context.outputDirectory().resolve("page_other_00090_.png"));
        Files.createFile(context.outputDirectory().resolve("pages_00077_.png"));

        NodeOutput output = new SaveImageNode().execute(Map.of("images", ImageBatches.of(picture),
                "filename_prefix", "page"), context);

        assertThat(fileNames(output)).containsExactly("page_00042_.png");
    }

    @Test
    void aPrefixWithFoldersSavesIntoASubfolder() throws Exception {
        NodeOutput output = new SaveImageNode().execute(Map.of("images", ImageBatches.of(picture),
                "filename_prefix", "docs/./scans/page1_clean"), context);

        assertThat(output.ui()).isEqualTo(Map.of("images", List.of(
                Map.of("filename", "page1_clean_00001_.png", "subfolder", "docs/scans", "type", "output"))));
        assertThat(context.outputDirectory().resolve("docs/scans/page1_clean_00001_.png")).isRegularFile();
    }

    @Test
    void sizeVariablesAreExpanded() throws Exception {
        NodeOutput output = new SaveImageNode().execute(Map.of("images", ImageBatches.of(picture),
                "filename_prefix", "img_%width%x%height%"), context);

        assertThat(fileNames(output)).containsExactly("img_12x8_00001_.png");
    }

    @Test
    void prefixesThatLeaveTheOutputFolderAreRefused() throws Exception {
        SaveImageNode node = new SaveImageNode();
        for (String prefix : List.of("../escape", "docs/../../escape", "/tmp/escape", "..")) {
            assertThatThrownBy(() -> node.execute(Map.of("images", ImageBatches.of(picture),
                    "filename_prefix", prefix), context))
                    .as(prefix).isInstanceOf(NodeException.class)
                    .hasMessageStartingWith("Saving image outside the output folder is not allowed.");
        }
        try (var files = Files.list(root)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("input", "output",
                    "temp");
        }
    }

    @Test
    void thePromptAndWorkflowAreWrittenAsPngTextChunks() throws Exception {
        Map<String, Object> prompt = Map.of("1", Map.of("class_type", "LoadImage",
                "inputs", Map.of("image", "café.png")));
        Map<String, Object> pngInfo = new LinkedHashMap<>();
        pngInfo.put("workflow", Map.of("nodes", List.of(Map.of("id", 1, "type", "LoadImage")), "version", 0.4));
        context.withPrompt(prompt, pngInfo);

        NodeOutput output = new SaveImageNode().execute(Map.of("images", ImageBatches.of(picture),
                "filename_prefix", "meta"), context);

        byte[] png = Files.readAllBytes(context.outputDirectory().resolve(fileNames(output).get(0)));
        Map<String, String> texts = PngText.read(png);
        assertThat(texts.keySet()).containsExactly("prompt", "workflow");
        assertThat(texts.get("prompt")).containsIgnoringCase("caf\\u00e9.png").doesNotContain("é");
        assertThat(JSON.readTree(texts.get("prompt"))).isEqualTo(JSON.valueToTree(prompt));
        JsonNode workflow = JSON.readTree(texts.get("workflow"));
        assertThat(workflow.at("/nodes/0/type").asText()).isEqualTo("LoadImage");
        BufferedImage back = ImageDecoder.decodeFirst(context.outputDirectory().resolve(fileNames(output).get(0)),
                ImageLimits.DEFAULT);
        assertThat(back.getRGB(11, 7)).isEqualTo(picture.getRGB(11, 7));
    }

    @Test
    void withoutAPromptNoTextChunkIsWritten() throws Exception {
        NodeOutput output = new SaveImageNode().execute(Map.of("images", ImageBatches.of(picture),
                "filename_prefix", "plain"), context);

        byte[] png = Files.readAllBytes(context.outputDirectory().resolve(fileNames(output).get(0)));
        assertThat(PngText.read(png)).isEmpty();
    }

    @Test
    void previewWritesToTempWithARandomPrefix() throws Exception {
        PreviewImageNode node = new PreviewImageNode();

        NodeOutput output = node.execute(Map.of("images", two), context);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) output.ui().get("images");
        assertThat(images).hasSize(2);
        String first = (String) images.get(0).get("filename");
        assertThat(first).matches("ComfyUI_temp_[a-z]{5}_00001_\\.png");
        assertThat((String) images.get(1).get("filename")).isEqualTo(first.replace("00001", "00002"));
        assertThat(images.get(0)).containsEntry("type", "temp").containsEntry("subfolder", "");
        assertThat(context.tempDirectory().resolve(first)).isRegularFile();
        assertThat(context.outputDirectory()).isEmptyDirectory();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fileNames(NodeOutput output) {
        return ((List<Map<String, Object>>) output.ui().get("images")).stream()
                .map(entry -> (String) entry.get("filename")).toList();
    }
}
