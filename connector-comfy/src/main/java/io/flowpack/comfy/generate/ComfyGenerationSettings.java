package io.flowpack.comfy.generate;

/**
 * Where and with which templates the {@code comfy} generation backend runs.
 *
 * @param server          a configured ComfyUI server's name (or an {@code http(s)://} URL)
 * @param txt2imgTemplate template for text to image, e.g. {@code txt2img}
 * @param refineTemplate  template for img2img (refine) with the request's strength as {@code denoise}
 * @param upscaleTemplate template each generated image is sent through afterwards (one {@code LoadImage}); empty or
 *                        null for none
 */
public record ComfyGenerationSettings(String server, String txt2imgTemplate, String refineTemplate,
                                      String upscaleTemplate) {
    public ComfyGenerationSettings {
        if (server == null || server.isBlank()) {
            throw new IllegalArgumentException("the comfy generation backend needs a ComfyUI server");
        }
        txt2imgTemplate = txt2imgTemplate == null || txt2imgTemplate.isBlank() ? "txt2img" : txt2imgTemplate;
        refineTemplate = refineTemplate == null || refineTemplate.isBlank() ? "refine" : refineTemplate;
        upscaleTemplate = upscaleTemplate == null ? "" : upscaleTemplate.trim();
    }

    public static ComfyGenerationSettings of(String server) {
        return new ComfyGenerationSettings(server, null, null, null);
    }

    public ComfyGenerationSettings withUpscale(String template) {
        return new ComfyGenerationSettings(server, txt2imgTemplate, refineTemplate, template);
    }

    public boolean upscales() {
        return !upscaleTemplate.isEmpty();
    }
}
