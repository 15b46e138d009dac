package io.flowpack.deploy.comfy;

import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.generate.ComfyGenerationBackend;
import io.flowpack.comfy.template.TemplateFolder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code comfy} backend of the {@code generate} step as a bean (the step collects every
 * {@link io.flowpack.generate.GenerationBackend} bean): workflow templates from the ComfyUI template folder, run on
 * the server {@code flowpack.generate.comfy.server}. Off with {@code flowpack.generate.comfy.enabled=false}.
 */
@AutoConfiguration(after = ComfyClientAutoConfiguration.class)
@EnableConfigurationProperties(ComfyGenerationProperties.class)
@ConditionalOnProperty(prefix = "flowpack.generate.comfy", name = "enabled", matchIfMissing = true)
public class ComfyGenerationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ComfyGenerationBackend comfyGenerationBackend(ComfyClients clients, TemplateFolder templates,
                                                         ComfyGenerationProperties properties) {
        return new ComfyGenerationBackend(clients, templates, properties.settings());
    }
}
