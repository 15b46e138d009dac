package io.flowpack.comfy.runner;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * Runs before every request, WebSocket handshakes included: ComfyUI's origin check (a loopback {@code Host} with a
 * different {@code Origin} gets 403 — a web page elsewhere cannot drive the runner), and, when a token is set, the
 * token as {@code Authorization: Bearer …}, {@code ?token=…} or the cookie set after a valid {@code ?token=}
 * (so a browser can load the frontend); otherwise 401.
 */
final class AccessValve extends ValveBase {

    static final String COOKIE = "flowpack_comfy_token";

    private final byte[] token;

    AccessValve(String token) {
        super(true);
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (crossOrigin(request.getHeader("Host"), request.getHeader("Origin"))) {
            response.setStatus(403);
            response.setContentLength(0);
            return;
        }
        if (token != null) {
            String fromQuery = queryToken(request.getQueryString());
            if (!(matches(bearer(request.getHeader("Authorization"))) || matches(fromQuery) || matches(cookie(request)))) {
                response.setStatus(401);
                response.setHeader("WWW-Authenticate", "Bearer");
                response.setContentLength(0);
                return;
            }
            if (matches(fromQuery)) {
                Cookie cookie = new Cookie(COOKIE, fromQuery);
                cookie.setHttpOnly(true);
                cookie.setPath("/");
                cookie.setAttribute("SameSite", "Strict");
                response.addCookie(cookie);
            }
        }
        getNext().invoke(request, response);
    }

    private boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String bearer(String header) {
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    private static String cookie(Request request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static String queryToken(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                try {
                    return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** ComfyUI's CSRF guard: both headers present, Host a loopback name, and the Origin's host(:port) different. */
    static boolean crossOrigin(String host, String origin) {
        if (host == null || origin == null) {
            return false;
        }
        String hostName = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        if (!isLoopbackName(hostName)) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return true;
            }
            String originHost = uri.getHost().toLowerCase(Locale.ROOT);
            if (!originHost.equals(hostName.toLowerCase(Locale.ROOT))) {
                return true;
            }
            String hostPort = host.lastIndexOf(':') > host.lastIndexOf(']') ? host.substring(host.lastIndexOf(':') + 1) : null;
            return hostPort != null && uri.getPort() != -1 && !hostPort.equals(String.valueOf(uri.getPort()));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean isLoopbackName(String hostName) {
        String h = hostName.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }
}
