package io.flowpack.comfy.nodes.files;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an image batch as ComfyUI's {@code SaveImage} does: {@code <prefix>_<counter:05>_.png}, one counter per
 * image, with the prompt and each {@code extra_pnginfo} entry (the workflow) as PNG text chunks of JSON (non-ASCII
 * escaped, as Python's {@code json.dumps}), encoded by {@link PngWriter} at the caller's zlib level. Existing
 * files are never overwritten.
 */
public final class ImageSaver {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    private ImageSaver() {
    }

    /**
     * @param type {@code output} or {@code temp}: what the UI entries report
     * @return the UI entries {@code {"filename", "subfolder", "type"}}, one per image
     */
    public static List<Map<String, Object>> save(ImageBatch images, String prefix, Path folder, String type,
                                                 int compressLevel, NodeContext context) throws NodeException {
        SavePaths paths = SavePaths.of(prefix, folder, images.width(), images.height());
        Map<String, String> texts = metadata(context);
        List<Map<String, Object>> results = new ArrayList<>(images.size());
        int counter = paths.counter();
        for (int i = 0; i < images.size(); i++) {
            context.checkInterrupted();
            byte[] png = PngWriter.write(images, i, texts, compressLevel);
            SavePaths.Written written = paths.write(counter, i, "png", png);
            results.add(paths.uiEntry(written.fileName(), type));
            counter = written.counter() + 1;
        }
        return results;
    }

    /** {@code prompt} and every {@code extra_pnginfo} key as JSON text, in that order. */
    static Map<String, String> metadata(NodeContext context) throws NodeException {
        Map<String, String> texts = new LinkedHashMap<>();
        try {
            if (context.prompt() != null) {
                texts.put("prompt", JSON.writeValueAsString(context.prompt()));
            }
            for (Map.Entry<String, Object> entry : context.extraPngInfo().entrySet()) {
                texts.put(entry.getKey(), JSON.writeValueAsString(entry.getValue()));
            }
        } catch (JsonProcessingException e) {
            throw new NodeException("cannot write the prompt metadata as JSON: " + e.getOriginalMessage(), e,
                    "TypeError");
        }
        return texts;
    }
}
