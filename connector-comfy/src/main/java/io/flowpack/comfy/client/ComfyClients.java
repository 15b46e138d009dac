package io.flowpack.comfy.client;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured ComfyUI servers by name, each with one shared {@link ComfyClient} (opened on first use). A name that
 * is not configured but is an {@code http(s)://} URL gets a client with default settings.
 */
public final class ComfyClients implements AutoCloseable {
    private final Map<String, ComfyServerSettings> servers;
    private final Map<String, ComfyClient> clients = new ConcurrentHashMap<>();

    public ComfyClients(Collection<ComfyServerSettings> servers) {
        Map<String, ComfyServerSettings> byName = new LinkedHashMap<>();
        servers.forEach(s -> byName.put(s.name(), s));
        this.servers = Map.copyOf(byName);
    }

    /**
     * Servers from properties named as in the deploy application, {@code flowpack.comfy.servers.<name>.url} and
     * {@code ….token} (for a plain Camel context, e.g. the command line with {@code -D} options).
     */
    public static ComfyClients fromProperties(Properties properties) {
        Map<String, ComfyServerSettings> servers = new TreeMap<>();
        String prefix = "flowpack.comfy.servers.";
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.endsWith(".url")) {
                String name = key.substring(prefix.length(), key.length() - ".url".length());
                servers.put(name, ComfyServerSettings.of(name, properties.getProperty(key).trim())
                        .withBearerToken(properties.getProperty(prefix + name + ".token")));
            }
        }
        return new ComfyClients(servers.values());
    }

    /** The settings of a server by name (or URL), failing with the configured names when unknown. */
    public ComfyServerSettings settings(String server) {
        ComfyServerSettings settings = servers.get(server);
        if (settings != null) {
            return settings;
        }
        if (server != null && (server.startsWith("http://") || server.startsWith("https://"))) {
            return ComfyServerSettings.of(server, server);
        }
        throw new IllegalArgumentException("unknown ComfyUI server '" + server + "'; configured: "
                + (servers.isEmpty() ? "(none; set flowpack.comfy.servers.<name>.url)"
                : String.join(", ", new TreeSet<>(servers.keySet()))) + " (or give an http:// URL)");
    }

    public ComfyClient client(String server) {
        ComfyServerSettings settings = settings(server);
        return clients.computeIfAbsent(settings.name(), name -> new ComfyClient(settings));
    }

    public Collection<ComfyServerSettings> servers() {
        return servers.values();
    }

    @Override
    public void close() {
        clients.values().forEach(ComfyClient::close);
        clients.clear();
    }
}
