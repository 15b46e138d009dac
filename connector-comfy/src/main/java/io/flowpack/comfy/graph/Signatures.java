package io.flowpack.comfy.graph;

import io.flowpack.comfy.node.NodeContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A node's cache key: SHA-256 over its class type, literal inputs, the signatures and slots of its linked sources and
 * its {@code changeToken} (ComfyUI's {@code IS_CHANGED}). A token of NaN, or one that cannot be computed, makes the
 * key unique so the node always runs.
 */
final class Signatures {

    private Signatures() {
    }

    /**
     * @param sourceSignatures the signatures of the node's sources, computed before
     */
    static String of(PromptNode node, Map<String, String> sourceSignatures, NodeContext context) {
        StringBuilder text = new StringBuilder(node.classType()).append('\n');
        new TreeMap<>(node.literals()).forEach((name, value) -> text.append(name).append('=')
                .append(typed(value)).append('\n'));
        new TreeMap<>(node.links()).forEach((name, link) -> text.append(name).append("->")
                .append(sourceSignatures.get(link.nodeId())).append('#').append(link.slot()).append('\n'));
        text.append("changed=").append(changeToken(node, context));
        return sha256(text.toString());
    }

    private static String changeToken(PromptNode node, NodeContext context) {
        Object token;
        try {
            token = node.node().changeToken(node.literals(), context);
        } catch (RuntimeException e) {
            return UUID.randomUUID().toString();
        }
        if (token instanceof Double d && d.isNaN() || token instanceof Float f && f.isNaN()) {
            return UUID.randomUUID().toString();
        }
        return typed(token);
    }

    private static String typed(Object value) {
        if (value == null) {
            return "null";
        }
        String kind = value instanceof java.util.List ? "List" : value instanceof Map ? "Map" : value.getClass().getSimpleName();
        String text = String.valueOf(value);
        return kind + ":" + text.length() + ":" + text;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
