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
import org.springframework.util.unit.DataSize;

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
    void localMeansTheOwnRunnerUnlessConfigured() {
        ComfyRunnerProperties own = new ComfyRunnerProperties(true, "0.0.0.0", 8190, null, null, "tok",
                DataSize.ofMegabytes(100), 10_000);
        runner().withBean(ComfyRunnerProperties.class, () -> own).run(context -> {
            ComfyServerSettings local = context.getBean(ComfyClients.class).settings("local");
            assertThat(local.baseUri()).isEqualTo(URI.create("http://127.0.0.1:8190"));
            assertThat(local.bearerToken()).isEqualTo("tok");
        });
        runner().withBean(ComfyRunnerProperties.class, () -> own)
                .withPropertyValues("flowpack.comfy.servers.local.url=http://10.1.1.1:8188").run(context ->
                        assertThat(context.getBean(ComfyClients.class).settings("local").baseUri())
                                .isEqualTo(URI.create("http://10.1.1.1:8188")));
        assertThat(ComfyClientAutoConfiguration.loopbackFor("::")).isEqualTo("[::1]");
        assertThat(ComfyClientAutoConfiguration.loopbackFor("fe80::1")).isEqualTo("[fe80::1]");
        assertThat(ComfyClientAutoConfiguration.loopbackFor("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void aServerWithoutUrlFailsAtStartWithItsName() {
        runner().withPropertyValues("flowpack.comfy.servers.broken.token=x").run(context ->
                assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("flowpack.comfy.servers.broken.url is not set"));
    }
}
