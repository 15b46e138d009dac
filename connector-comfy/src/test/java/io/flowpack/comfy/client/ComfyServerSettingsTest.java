package io.flowpack.comfy.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComfyServerSettingsTest {

    @Test
    void urlsKeepAProxyPrefixAndWebSocketsFollowTheScheme() {
        ComfyServerSettings plain = ComfyServerSettings.of("local", "http://127.0.0.1:8188");
        assertThat(plain.resolve("prompt")).isEqualTo(URI.create("http://127.0.0.1:8188/prompt"));
        assertThat(plain.webSocketUri("c1")).isEqualTo(URI.create("ws://127.0.0.1:8188/ws?clientId=c1"));
        ComfyServerSettings proxied = ComfyServerSettings.of("studio", "https://gpu.example.com/comfy/");
        assertThat(proxied.resolve("history/p")).isEqualTo(URI.create("https://gpu.example.com/comfy/history/p"));
        assertThat(proxied.webSocketUri("c2")).isEqualTo(URI.create("wss://gpu.example.com/comfy/ws?clientId=c2"));
    }

    @Test
    void defaultsAndRefusals() {
        ComfyServerSettings defaults = ComfyServerSettings.of(null, "http://10.0.0.5:8188").withBearerToken(" ");
        assertThat(defaults.name()).isEqualTo("10.0.0.5:8188");
        assertThat(defaults.bearerToken()).isNull();
        assertThat(defaults.promptTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.onLostPrompt()).isEqualTo(LostPromptPolicy.RESUBMIT);
        assertThat(defaults.maxOutputBytes()).isEqualTo(ComfyServerSettings.DEFAULT_MAX_OUTPUT_BYTES);
        assertThatThrownBy(() -> ComfyServerSettings.of("x", "ftp://host/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ComfyUI server 'x': URL must start with http:// or https://, got ftp://host/");
        assertThatThrownBy(() -> ComfyServerSettings.of("x", "http:/nohost")).hasMessageContaining("URL has no host");
    }

    @Test
    void serversFromProperties() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("flowpack.comfy.servers.studio.url", "http://10.0.0.5:8188 ");
        properties.setProperty("flowpack.comfy.servers.studio.token", "t");
        properties.setProperty("flowpack.comfy.servers.local.url", "http://127.0.0.1:8188");
        properties.setProperty("flowpack.comfy.templates-dir", "x");
        try (ComfyClients clients = ComfyClients.fromProperties(properties)) {
            assertThat(clients.servers()).extracting(ComfyServerSettings::name).containsExactlyInAnyOrder("local", "studio");
            assertThat(clients.settings("studio").bearerToken()).isEqualTo("t");
            assertThat(clients.settings("studio").baseUri()).isEqualTo(URI.create("http://10.0.0.5:8188"));
        }
    }

    @Test
    void serversByNameOrUrl() {
        try (ComfyClients clients = new ComfyClients(List.of(ComfyServerSettings.of("local", "http://127.0.0.1:8188")))) {
            assertThat(clients.client("local")).isSameAs(clients.client("local"));
            assertThat(clients.settings("http://127.0.0.1:9000").baseUri()).isEqualTo(URI.create("http://127.0.0.1:9000"));
            assertThatThrownBy(() -> clients.settings("studio"))
                    .hasMessage("unknown ComfyUI server 'studio'; configured: local (or give an http:// URL)");
        }
    }
}
