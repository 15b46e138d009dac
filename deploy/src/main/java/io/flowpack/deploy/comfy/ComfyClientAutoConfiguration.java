package io.flowpack.deploy.comfy;

import io.flowpack.comfy.camel.ComfyComponent;
import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.client.ComfyServerSettings;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.deploy.config.FlowpackAutoConfiguration;
import io.flowpack.document.BlobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code comfy} Camel component and what it needs: one client per configured ComfyUI server
 * ({@code flowpack.comfy.servers.<name>}) and the template folder ({@code flowpack.comfy.templates-dir}). Every bean
 * is replaceable by a user bean of the same type.
 */
@AutoConfiguration(after = FlowpackAutoConfiguration.class)
@EnableConfigurationProperties(ComfyClientProperties.class)
public class ComfyClientAutoConfiguration {

    /** The server name that, unless configured, means this application's own graph runner. */
    public static final String LOCAL = "local";

    /**
     * The configured servers; when this application runs its own graph runner on a fixed port and no server is
     * called {@value #LOCAL}, {@value #LOCAL} is that runner (so {@code comfy:…?server=local} works out of the box).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ComfyClients comfyClients(ComfyClientProperties properties, ObjectProvider<ComfyRunnerProperties> runner) {
        List<ComfyServerSettings> servers = new ArrayList<>(properties.settings());
        ComfyRunnerProperties own = runner.getIfAvailable();
        if (own != null && own.enabled() && own.port() > 0 && !properties.servers().containsKey(LOCAL)) {
            servers.add(ComfyServerSettings.of(LOCAL, "http://" + loopbackFor(own.host()) + ":" + own.port())
                    .withBearerToken(own.token()));
        }
        return new ComfyClients(servers);
    }

    /** Where a client on this machine reaches a server bound to {@code host}. */
    static String loopbackFor(String host) {
        if (host == null || host.isBlank() || host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        if (host.equals("::") || host.equals("[::]")) {
            return "[::1]";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
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
