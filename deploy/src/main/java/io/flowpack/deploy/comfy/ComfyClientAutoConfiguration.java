package io.flowpack.deploy.comfy;

import io.flowpack.comfy.camel.ComfyComponent;
import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.deploy.config.FlowpackAutoConfiguration;
import io.flowpack.document.BlobStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code comfy} Camel component and what it needs: one client per configured ComfyUI server
 * ({@code flowpack.comfy.servers.<name>}) and the template folder ({@code flowpack.comfy.templates-dir}). Every bean
 * is replaceable by a user bean of the same type.
 */
@AutoConfiguration(after = FlowpackAutoConfiguration.class)
@EnableConfigurationProperties(ComfyClientProperties.class)
public class ComfyClientAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ComfyClients comfyClients(ComfyClientProperties properties) {
        return new ComfyClients(properties.settings());
    }

    @Bean
    @ConditionalOnMissingBean
    public TemplateFolder comfyTemplateFolder(ComfyClientProperties properties) {
        return new TemplateFolder(properties.templatesDir());
    }

    /** Found by Camel under its bean name when a route uses {@code comfy:}. */
    @Bean("comfy")
    @ConditionalOnMissingBean
    public ComfyComponent comfyComponent(ComfyClients clients, TemplateFolder templates, BlobStore blobs) {
        return new ComfyComponent(clients, templates, blobs);
    }
}
