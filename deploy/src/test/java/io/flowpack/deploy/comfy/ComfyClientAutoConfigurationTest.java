package io.flowpack.deploy.comfy;

import io.flowpack.comfy.camel.ComfyComponent;
import io.flowpack.comfy.client.ComfyClients;
import io.flowpack.comfy.client.ComfyServerSettings;
import io.flowpack.comfy.client.LostPromptPolicy;
import io.flowpack.comfy.template.TemplateFolder;
import io.flowpack.deploy.config.FlowpackAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ComfyClientAutoConfigurationTest {
    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowpackAutoConfiguration.class, ComfyClientAutoConfiguration.class))
                .withPropertyValues("flowpack.data-dir=" + dir);
    }

    @Test
    void serversAndTemplatesComeFromTheProperties() {
        runner().withPropertyValues(
                "flowpack.comfy.templates-dir=" + dir.resolve("templates"),
                "flowpack.comfy.servers.studio.url=http://10.0.0.5:8188",
                "flowpack.comfy.servers.studio.token=t0k",
                "flowpack.comfy.servers.studio.prompt-timeout=30m",
                "flowpack.comfy.servers.studio.on-lost-prompt=fail",
                "flowpack.comfy.servers.studio.max-output-size=10MB",
                "flowpack.comfy.servers.local.url=http://127.0.0.1:8188",
                "flowpack.comfy.runner.port=9999").run(context -> {
            assertThat(context).hasNotFailed();
            ComfyClients clients = context.getBean(ComfyClients.class);
            ComfyServerSettings studio = clients.settings("studio");
            assertThat(studio.baseUri()).isEqualTo(URI.create("http://10.0.0.5:8188"));
            assertThat(studio.bearerToken()).isEqualTo("t0k");
            assertThat(studio.promptTimeout()).isEqualTo(Duration.ofMinutes(30));
            assertThat(studio.onLostPrompt()).isEqualTo(LostPromptPolicy.FAIL);
            assertThat(studio.maxOutputBytes()).isEqualTo(10L * 1024 * 1024);
            ComfyServerSettings local = clients.settings("local");
            assertThat(local.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(local.onLostPrompt()).isEqualTo(LostPromptPolicy.RESUBMIT);
            assertThat(local.maxResubmits()).isEqualTo(2);
            assertThat(local.bearerToken()).isNull();
            assertThat(context.getBean(TemplateFolder.class).dir()).isEqualTo(dir.resolve("templates").toAbsolutePath());
            assertThat(context.getBean("comfy")).isInstanceOf(ComfyComponent.class);
        });
    }

    @Test
    void noServersIsFineAndUserBeansWin() {
        ComfyClients own = new ComfyClients(List.of(ComfyServerSettings.of("mine", "http://127.0.0.1:1")));
        runner().withBean(ComfyClients.class, () -> own).run(context -> {
            assertThat(context.getBean(ComfyClients.class)).isSameAs(own);
            assertThat(context.getBean(ComfyComponent.class).clients()).isSameAs(own);
        });
        runner().run(context -> assertThat(context.getBean(ComfyClients.class).servers()).isEmpty());
    }

    @Test
    void aServerWithoutUrlFailsAtStartWithItsName() {
        runner().withPropertyValues("flowpack.comfy.servers.broken.token=x").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("flowpack.comfy.servers.broken.url is not set"));
    }
}
