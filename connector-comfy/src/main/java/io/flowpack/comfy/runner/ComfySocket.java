package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /ws?clientId=…}: registers the socket under its client id (or a new hex id), sends {@code status} with the
 * {@code sid}, replays {@code executing} when this client's prompt is running, and answers a first
 * {@code feature_flags} message with the server's flags. Other client messages are ignored.
 */
final class ComfySocket extends Endpoint {

    private static final Logger LOG = Logger.getLogger(ComfySocket.class.getName());

    private final RunnerCore core;

    ComfySocket(RunnerCore core) {
        this.core = core;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        List<String> ids = session.getRequestParameterMap().get("clientId");
        String sid = ids != null && !ids.isEmpty() && !ids.get(0).isEmpty() ? ids.get(0)
                : UUID.randomUUID().toString().replace("-", "");
        session.getUserProperties().put("sid", sid);
        session.setMaxTextMessageBufferSize(64 * 1024);
        session.setMaxBinaryMessageBufferSize(64 * 1024);
        core.sessions().add(sid, session);
        core.sessions().send(sid, Json.message("status", Json.ordered("status", core.statusData(), "sid", sid)));
        String runningNode = core.runningNodeFor(sid);
        if (runningNode != null) {
            core.sessions().send(sid, Json.message("executing", Map.of("node", runningNode)));
        }
        boolean[] first = {true};
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
            boolean isFirst = first[0];
            first[0] = false;
            onText(sid, text, isFirst);
        });
    }

    private void onText(String sid, String text, boolean first) {
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            LOG.log(Level.FINE, "invalid JSON from WebSocket client " + sid);
            return;
        }
        if (first && message != null && "feature_flags".equals(message.path("type").asText())) {
            core.sessions().setFeatureFlags(sid, message.path("data"));
            core.sessions().send(sid, Json.message("feature_flags", core.featureFlags()));
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        Object sid = session.getUserProperties().get("sid");
        if (sid != null) {
            core.sessions().remove((String) sid, session);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.log(Level.FINE, "WebSocket error", error);
    }
}
