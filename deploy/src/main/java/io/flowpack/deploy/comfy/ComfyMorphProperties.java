package io.flowpack.deploy.comfy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code comfy} method of the {@code morph} step, under {@code flowpack.morph.comfy.*}: an AnimateDiff +
 * {@code BatchPromptSchedule} workflow template (from {@code flowpack.comfy.templates-dir}) run on a ComfyUI server.
 *
 * @param enabled  whether the method is offered ({@code method=comfy})
 * @param server   the ComfyUI server ({@code flowpack.comfy.servers.<name>}, or an {@code http(s)://} URL);
 *                 {@code local} is this application's own graph runner when it runs on a fixed port
 * @param template the workflow template, titled as {@code docs/MORPH.md} ("Method comfy") says
 */
@ConfigurationProperties(prefix = "flowpack.morph.comfy")
public record ComfyMorphProperties(@DefaultValue("true") boolean enabled, @DefaultValue("local") String server,
                                   @DefaultValue("morph") String template) {
}
