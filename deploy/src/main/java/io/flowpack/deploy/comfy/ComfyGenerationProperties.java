package io.flowpack.deploy.comfy;

import io.flowpack.comfy.generate.ComfyGenerationSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code comfy} backend of the {@code generate} step, under {@code flowpack.generate.comfy.*}; its templates are
 * read from {@code flowpack.comfy.templates-dir}.
 *
 * @param enabled         whether the backend is offered ({@code backend=comfy})
 * @param server          the ComfyUI server ({@code flowpack.comfy.servers.<name>}, or an {@code http(s)://} URL);
 *                        {@code local} is this application's own graph runner when it runs on a fixed port
 * @param txt2imgTemplate template for text to image
 * @param refineTemplate  template for img2img (an image input; denoise = the step's strength)
 * @param upscaleTemplate template every generated image is sent through afterwards (e.g. {@code upscale}); empty:
 *                        none
 */
@ConfigurationProperties(prefix = "flowpack.generate.comfy")
public record ComfyGenerationProperties(@DefaultValue("true") boolean enabled, @DefaultValue("local") String server,
                                        @DefaultValue("txt2img") String txt2imgTemplate,
                                        @DefaultValue("refine") String refineTemplate,
                                        @DefaultValue("") String upscaleTemplate) {

    public ComfyGenerationSettings settings() {
        return new ComfyGenerationSettings(server, txt2imgTemplate, refineTemplate, upscaleTemplate);
    }
}
