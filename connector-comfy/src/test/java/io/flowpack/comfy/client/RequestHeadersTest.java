package io.flowpack.comfy.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the client puts on the wire, seen by a raw loopback socket: no {@code Origin} header (a loopback ComfyUI answers
 * 403 to a foreign one, WebSocket handshake included), and the bearer token when configured.
 */
class RequestHeadersTest {
    private ServerSocket server;
    private final List<String> heads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "raw-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                heads.add(readHead(socket.getInputStream()));
                socket.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private ComfyServerSettings settings() {
        return ComfyServerSettings.of("raw", "http://127.0.0.1:" + server.getLocalPort()).withBearerToken("s3cret");
    }

    @Test
    void webSocketHandshakeHasNoOriginButTheToken() throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (ComfyClient client = new ComfyClient(settings())) {
            ComfySocket socket = new ComfySocket(java.net.http.HttpClient.newHttpClient(),
                    settings().webSocketUri(client.clientId()), settings(), null, scheduler);
            assertThatThrownBy(socket::connect).isInstanceOf(ComfyConnectionException.class)
                    .hasMessageContaining("ComfyUI server 'raw': WebSocket ws://127.0.0.1:")
                    .hasMessageContaining("/ws?clientId=" + client.clientId() + " could not be opened");
        } finally {
            scheduler.shutdownNow();
        }
        String head = heads.get(0);
        assertThat(head).startsWith("GET /ws?clientId=");
        assertThat(head.toLowerCase()).contains("upgrade: websocket").doesNotContain("\norigin:");
        assertThat(head).contains("Authorization: Bearer s3cret");
    }

    @Test
    void httpRequestsHaveNoOriginButTheTokenAndRefusalsArePrecise() {
        try (ComfyClient client = new ComfyClient(settings())) {
            assertThatThrownBy(() -> client.objectInfo("Load Image"))
                    .isInstanceOf(ComfyHttpException.class)
                    .hasMessage("ComfyUI server 'raw' (http://127.0.0.1:" + server.getLocalPort()
                            + "): GET /object_info/Load%20Image answered HTTP 403");
        }
        String head = heads.get(0);
        assertThat(head).startsWith("GET /object_info/Load%20Image HTTP/1.1");
        assertThat(head.toLowerCase()).doesNotContain("\norigin:").doesNotContain("upgrade: h2c");
        assertThat(head).contains("Authorization: Bearer s3cret");
    }

    @Test
    void aServerThatTakesNoConnectionsFailsWithinTheConnectTimeOut() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> filling = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) { // fill the accept queue; later handshakes are not answered
                    Socket socket = new Socket();
                    try {
                        socket.connect(full.getLocalSocketAddress(), 200);
                        filling.add(socket);
                    } catch (IOException queueFull) {
                        socket.close();
                        break;
                    }
                }
                ComfyServerSettings settings = new ComfyServerSettings("stuck", java.net.URI.create("http://127.0.0.1:"
                        + full.getLocalPort()), null, java.time.Duration.ofMillis(300), null, null, null, 0, 0, null);
                long t0 = System.nanoTime();
                try (ComfyClient client = new ComfyClient(settings)) {
                    assertThatThrownBy(() -> client.history("p")).isInstanceOf(ComfyConnectionException.class)
                            .hasMessageContaining("ComfyUI server 'stuck'").hasMessageContaining("GET /history/p timed out (HTTP connect timed out)");
                }
                assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).isLessThan(java.time.Duration.ofSeconds(10));
            } finally {
                for (Socket socket : filling) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void anUnreachableServerIsNamed() throws IOException {
        int port = server.getLocalPort();
        server.close();
        try (ComfyClient client = new ComfyClient(ComfyServerSettings.of("gone", "http://127.0.0.1:" + port))) {
            assertThatThrownBy(() -> client.history("p"))
                    .isInstanceOf(ComfyConnectionException.class)
                    .hasMessageStartingWith("ComfyUI server 'gone' (http://127.0.0.1:" + port + ") cannot be reached: GET /history/p");
        }
    }
}
