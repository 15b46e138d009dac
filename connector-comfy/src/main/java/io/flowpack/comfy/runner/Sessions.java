package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connected WebSocket clients by sid (ComfyUI's {@code sockets}): a new socket under an existing sid replaces the
 * old one in the map. Sends are serialised per socket so messages keep their order.
 */
final class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class.getName());
    private static final long SEND_TIMEOUT_MS = 10_000;

    private final Map<String, Session> sockets = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> featureFlags = new ConcurrentHashMap<>();
    private volatile long lastSent = System.currentTimeMillis();

    void add(String sid, Session session) {
        session.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", SEND_TIMEOUT_MS);
        sockets.put(sid, session);
        featureFlags.remove(sid);
    }

    void remove(String sid, Session session) {
        if (sockets.remove(sid, session)) {
            featureFlags.remove(sid);
        }
    }

    void setFeatureFlags(String sid, JsonNode flags) {
        featureFlags.put(sid, flags);
    }

    /** Whether the client negotiated {@code supports_preview_metadata}. */
    boolean wantsPreviewMetadata(String sid) {
        JsonNode flags = sid == null ? null : featureFlags.get(sid);
        return flags != null && flags.path("supports_preview_metadata").asBoolean(false);
    }

    /** When the last text message went out. */
    long lastSent() {
        return lastSent;
    }

    int count() {
        return sockets.size();
    }

    /** Sends to one client; nothing when it is not connected. */
    void send(String sid, String message) {
        Session session = sockets.get(sid);
        if (session != null) {
            sendText(sid, session, message);
        }
    }

    void broadcast(String message) {
        sockets.forEach((sid, session) -> sendText(sid, session, message));
    }

    void sendBinary(String sid, byte[] frame) {
        Session session = sockets.get(sid);
        if (session != null) {
            sendBytes(sid, session, frame);
        }
    }

    void broadcastBinary(byte[] frame) {
        sockets.forEach((sid, session) -> sendBytes(sid, session, frame));
    }

    void closeAll() {
        for (Session session : List.copyOf(sockets.values())) {
            try {
                session.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing a WebSocket failed", e);
            }
        }
        sockets.clear();
    }

    private void sendText(String sid, Session session, String message) {
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendText(message);
                    lastSent = System.currentTimeMillis();
                }
            } catch (IOException | RuntimeException e) {
                drop(sid, session, e);
            }
        }
    }

    private void sendBytes(String sid, Session session, byte[] frame) {
        synchronized (session) {
            try {
                if (session.isOpen()) {
                    session.getBasicRemote().sendBinary(ByteBuffer.wrap(frame));
                }
            } catch (IOException | RuntimeException e) {
                drop(sid, session, e);
            }
        }
    }

    private void drop(String sid, Session session, Exception cause) {
        LOG.log(Level.FINE, "WebSocket " + sid + " dropped: " + cause);
        remove(sid, session);
        try {
            session.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a WebSocket failed", e);
        }
    }
}
