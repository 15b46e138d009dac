package io.flowpack.deploy.comfy;

import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.deploy.config.FlowpackAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComfyRunnerAutoConfigurationTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(FlowpackAutoConfiguration.class, ComfyRunnerAutoConfiguration.class))
                .withPropertyValues("flowpack.data-dir=" + dir, "flowpack.comfy.runner.enabled=true",
                        "flowpack.comfy.runner.port=0");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runnerStartsWithTheBuiltInNodesAndStopsWithTheContext() throws Exception {
        int[] port = new int[1];
        runner().withPropertyValues("flowpack.comfy.runner.max-upload-size=2MB").run(context -> {
            ComfyRunnerLifecycle lifecycle = context.getBean(ComfyRunnerLifecycle.class);
            assertThat(lifecycle.isRunning()).isTrue();
            port[0] = lifecycle.port();
            assertThat(lifecycle.settings().inputDirectory()).isEqualTo(dir.resolve("comfy/input"));
            assertThat(lifecycle.settings().maxUploadBytes()).isEqualTo(2 * 1024 * 1024);
            assertThat(context.getBean(NodeRegistry.class).find("ImageScaleBy")).isPresent();
            HttpResponse<String> info = get(port[0], "/api/object_info/LoadImage");
            assertThat(info.statusCode()).isEqualTo(200);
            assertThat(info.body()).contains("\"image_upload\":true");
            assertThat(get(port[0], "/object_info").body()).contains("\"flowpack.");
        });
        assertThatThrownBy(() -> get(port[0], "/prompt")).isInstanceOf(ConnectException.class);
    }

    @Test
    void disabledRunnerHasNoBeans() {
        runner().withPropertyValues("flowpack.comfy.runner.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(ComfyRunnerLifecycle.class).doesNotHaveBean(NodeRegistry.class));
    }

    @Test
    void portInUseFailsWithAnExplanation() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            runner().withPropertyValues("flowpack.comfy.runner.port=" + taken.getLocalPort()).run(context ->
                    assertThat(context).hasFailed().getFailure().cause().hasMessageContaining("is already in use")
                            .hasMessageContaining("flowpack.comfy.runner.enabled=false"));
        }
    }

    @Test
    void publicAddressWithoutTokenIsRefused() {
        runner().withPropertyValues("flowpack.comfy.runner.host=0.0.0.0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("without a token"));
    }
}
