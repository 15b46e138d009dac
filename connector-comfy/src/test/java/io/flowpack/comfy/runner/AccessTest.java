package io.flowpack.comfy.runner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The token on every route and the WebSocket, refusal to listen on a public address without one, the origin check. */
class AccessTest {

    @TempDir
    Path dataDir;

    private ComfyRunner runner;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    private int status(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void refusesANonLoopbackAddressWithoutToken() {
        RunnerSettings open = RunnerSettings.under(dataDir).withPort(0).withHost("0.0.0.0");
        assertThatThrownBy(() -> ComfyRunner.start(open, new TestNodes().registry()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a token");
    }

    @Test
    void tokenIsRequiredOnHttpAndWebSocket() throws Exception {
        runner = ComfyRunner.start(RunnerSettings.under(dataDir).withPort(0).withHost("0.0.0.0").withToken("s3cret"),
                new TestNodes().registry());
        String base = "http://127.0.0.1:" + runner.port();
        assertThat(status(base + "/prompt")).isEqualTo(401);
        assertThat(status(base + "/api/object_info")).isEqualTo(401);
        assertThat(status(base + "/view?filename=x.png")).isEqualTo(401);
        assertThat(status(base + "/prompt", "Authorization", "Bearer wrong")).isEqualTo(401);
        assertThat(status(base + "/prompt", "Authorization", "Bearer s3cret")).isEqualTo(200);
        assertThat(status(base + "/api/prompt?token=s3cret")).isEqualTo(200);

        String ws = "ws://127.0.0.1:" + runner.port() + "/ws?clientId=c1";
        assertThatThrownBy(() -> http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
        }).join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
        RunnerClient.Socket socket = new RunnerClient.Socket();
        socket.webSocket = http.newWebSocketBuilder().buildAsync(URI.create(ws + "&token=s3cret"), socket).join();
        assertThat(socket.next().path("data").path("sid").asText()).isEqualTo("c1");
        RunnerClient.Socket withHeader = new RunnerClient.Socket();
        withHeader.webSocket = http.newWebSocketBuilder().header("Authorization", "Bearer s3cret")
                .buildAsync(URI.create(ws), withHeader).join();
        assertThat(withHeader.next().path("type").asText()).isEqualTo("status");
    }

    @Test
    void foreignOriginOnLoopbackIsForbidden() throws Exception {
        runner = ComfyRunner.start(RunnerSettings.under(dataDir).withPort(0), new TestNodes().registry());
        String base = "http://127.0.0.1:" + runner.port();
        assertThat(status(base + "/prompt")).isEqualTo(200);
        assertThat(status(base + "/prompt", "Origin", "http://127.0.0.1:" + runner.port())).isEqualTo(200);
        assertThat(status(base + "/prompt", "Origin", "https://evil.example")).isEqualTo(403);
        assertThat(status(base + "/prompt", "Origin", "http://127.0.0.1:1")).isEqualTo(403);
        String ws = "ws://127.0.0.1:" + runner.port() + "/ws";
        assertThatThrownBy(() -> http.newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(URI.create(ws), new WebSocket.Listener() {
                }).join()).hasCauseInstanceOf(WebSocketHandshakeException.class);
    }
}
