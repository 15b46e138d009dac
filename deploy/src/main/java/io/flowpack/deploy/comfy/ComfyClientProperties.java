package io.flowpack.deploy.comfy;

import io.flowpack.comfy.client.ComfyServerSettings;
import io.flowpack.comfy.client.LostPromptPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The ComfyUI servers flowpack drives as a client ({@code comfy:<template>?server=<name>}), under
 * {@code flowpack.comfy.*}.
 *
 * @param servers      the servers by name
 * @param templatesDir folder of workflow templates ({@code <name>.json} in ComfyUI's API format)
 */
@ConfigurationProperties(prefix = "flowpack.comfy")
public record ComfyClientProperties(Map<String, Server> servers, @DefaultValue("./comfy-templates") Path templatesDir) {

    public ComfyClientProperties {
        servers = servers == null ? Map.of() : Map.copyOf(servers);
    }

    /**
     * One server.
     *
     * @param url            base URL, e.g. {@code http://127.0.0.1:8188}
     * @param token          sent as {@code Authorization: Bearer …} (for a proxy or flowpack's runner); empty for none
     * @param connectTimeout time to open a connection
     * @param requestTimeout time for one HTTP request to answer
     * @param promptTimeout  time for one prompt from queueing to its outputs; then it is interrupted
     * @param onLostPrompt   {@code resubmit} or {@code fail} when a server restart lost a queued or running prompt
     * @param maxResubmits   how often a lost prompt is queued again
     * @param maxOutputSize  largest output file fetched
     * @param pollInterval   without WebSocket news for this long, {@code /history} and {@code /queue} are asked
     */
    public record Server(URI url, String token, @DefaultValue("5s") Duration connectTimeout,
                         @DefaultValue("60s") Duration requestTimeout, @DefaultValue("10m") Duration promptTimeout,
                         @DefaultValue("resubmit") LostPromptPolicy onLostPrompt, @DefaultValue("2") int maxResubmits,
                         @DefaultValue("256MB") DataSize maxOutputSize, @DefaultValue("5s") Duration pollInterval) {
    }

    /** The client settings of every server. */
    public List<ComfyServerSettings> settings() {
        return servers.entrySet().stream().map(e -> {
            Server s = e.getValue();
            if (s.url() == null) {
                throw new IllegalArgumentException("flowpack.comfy.servers." + e.getKey() + ".url is not set");
            }
            return new ComfyServerSettings(e.getKey(), s.url(), s.token(), s.connectTimeout(), s.requestTimeout(),
                    s.promptTimeout(), s.onLostPrompt(), s.maxResubmits(), s.maxOutputSize().toBytes(), s.pollInterval());
        }).toList();
    }
}
