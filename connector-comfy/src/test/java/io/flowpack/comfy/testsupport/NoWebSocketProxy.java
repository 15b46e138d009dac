package io.flowpack.comfy.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A loopback TCP proxy in front of a server that passes HTTP but refuses WebSocket upgrades (502), like a reverse
 * proxy configured without WebSocket support; for testing the client's {@code /history} fallback.
 */
public final class NoWebSocketProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int targetPort;

    public NoWebSocketProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "no-ws-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> handle(client), "no-ws-proxy-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            byte[] head = readHead(client.getInputStream());
            if (new String(head, StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT).contains("upgrade: websocket")) {
                client.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            // one request per connection, so every request's head passes the check above
            String forwarded = new String(head, StandardCharsets.ISO_8859_1);
            forwarded = forwarded.substring(0, forwarded.length() - 2) + "Connection: close\r\n\r\n";
            upstream.getOutputStream().write(forwarded.getBytes(StandardCharsets.ISO_8859_1));
            Thread up = new Thread(() -> pump(client, upstream), "no-ws-proxy-up");
            up.setDaemon(true);
            up.start();
            pump(upstream, client);
        } catch (IOException e) {
            // a connection ended
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16384];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // either side closed
        }
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
