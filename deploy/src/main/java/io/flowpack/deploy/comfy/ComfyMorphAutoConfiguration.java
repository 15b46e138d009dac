package io.flowpack.deploy.comfy;

import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.generate.ComfyAnimationBackend;
import io.flowpack.comfy.template.TemplateFolder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code comfy} method of the {@code morph} step as a bean (the step collects every
 * {@link io.flowpack.morph.AnimationBackend} bean). Off with {@code flowpack.morph.comfy.enabled=false}.
 */
@AutoConfiguration(after = ComfyClientAutoConfiguration.class)
@EnableConfigurationProperties(ComfyMorphProperties.class)
@ConditionalOnProperty(prefix = "flowpack.morph.comfy", name = "enabled", matchIfMissing = true)
public class ComfyMorphAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public ComfyAnimationBackend comfyAnimationBackend(ComfyClients clients, TemplateFolder templates,
                                                       ComfyMorphProperties properties) {
        return new ComfyAnimationBackend(clients, templates, properties.server(), properties.template());
    }
}
