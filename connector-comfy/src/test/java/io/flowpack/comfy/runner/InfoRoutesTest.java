package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /object_info and the start-up routes of the web frontend, with and without the /api prefix. */
class InfoRoutesTest extends RunnerTestBase {

    @Override
    RunnerSettings settings(RunnerSettings defaults) {
        try {
            Path web = Files.createDirectories(dataDir.resolve("web/extensions/core"));
            Files.writeString(dataDir.resolve("web/index.html"), "<html>frontend</html>");
            Files.writeString(web.resolve("groupNode.js"), "export {}");
            return defaults.withFrontEndRoot(dataDir.resolve("web"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void objectInfoHasComfyUiShape() throws Exception {
        JsonNode all = client.get("/object_info").json();
        assertThat(all.fieldNames()).toIterable().contains("TestConstantImage", "TestSave", "TestRepeat");
        JsonNode constant = all.path("TestConstantImage");
        assertThat(constant.path("input").path("required").path("width"))
                .isEqualTo(json("[\"INT\", {\"default\": 8, \"min\": 1, \"max\": 4096}]"));
        assertThat(constant.path("input_order").path("required").toString()).isEqualTo("[\"width\",\"height\",\"value\"]");
        assertThat(constant.path("output").toString()).isEqualTo("[\"IMAGE\"]");
        assertThat(constant.path("output_is_list").toString()).isEqualTo("[false]");
        assertThat(constant.path("output_name").toString()).isEqualTo("[\"IMAGE\"]");
        assertThat(constant.path("name").asText()).isEqualTo("TestConstantImage");
        assertThat(constant.path("display_name").asText()).isEqualTo("TestConstantImage");
        assertThat(constant.path("category").asText()).isEqualTo("testing");
        assertThat(constant.path("python_module").asText()).isEqualTo("nodes");
        assertThat(constant.path("output_node").asBoolean()).isFalse();
        assertThat(all.path("TestPick").path("input").path("required").path("mode").path(0).toString())
                .isEqualTo("[\"keep\",\"drop\"]");
        assertThat(all.path("TestRepeat").path("output_is_list").toString()).isEqualTo("[true]");
        assertThat(all.path("TestSave").path("output_node").asBoolean()).isTrue();

        assertThat(client.get("/api/object_info/TestSave").json())
                .isEqualTo(json("{\"TestSave\": " + all.path("TestSave") + "}"));
        RunnerClient.Response unknown = client.get("/object_info/KSampler");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo("{}");
    }

    @Test
    void startupRoutesAnswerUnderBothPrefixes() throws Exception {
        for (String prefix : new String[]{"", "/api"}) {
            assertThat(client.get(prefix + "/prompt").json().toString()).isEqualTo("{\"exec_info\":{\"queue_remaining\":0}}");
            assertThat(client.get(prefix + "/queue").json().toString()).isEqualTo("{\"queue_running\":[],\"queue_pending\":[]}");
            assertThat(client.get(prefix + "/history").body()).isEqualTo("{}");
            JsonNode stats = client.get(prefix + "/system_stats").json();
            assertThat(stats.path("system").path("ram_total").asLong()).isPositive();
            assertThat(stats.path("system").has("python_version")).isTrue();
            assertThat(stats.path("devices").path(0).path("type").asText()).isEqualTo("cpu");
            assertThat(client.get(prefix + "/features").json().path("max_upload_size").isDouble()).isTrue();
            assertThat(client.get(prefix + "/embeddings").body()).isEqualTo("[]");
            assertThat(client.get(prefix + "/models").json().toString()).contains("\"upscale_models\"");
            assertThat(client.get(prefix + "/models/upscale_models").body()).isEqualTo("[]");
            assertThat(client.get(prefix + "/models/nonsense").status()).isEqualTo(404);
            assertThat(client.get(prefix + "/extensions").json().toString()).isEqualTo("[\"/extensions/core/groupNode.js\"]");
            assertThat(client.get(prefix + "/users").json().toString()).isEqualTo("{\"storage\":\"server\",\"migrated\":true}");
            assertThat(client.get(prefix + "/i18n").body()).isEqualTo("{}");
            assertThat(client.get(prefix + "/settings").status()).isEqualTo(200);
            assertThat(client.get(prefix + "/userdata/user.css").status()).isEqualTo(404);
            assertThat(client.get(prefix + "/experiment/models").body()).isEqualTo("[]");
            assertThat(client.get(prefix + "/jobs?status=in_progress,pending&limit=200&offset=0").json().path("pagination")
                    .toString()).isEqualTo("{\"offset\":0,\"limit\":200,\"total\":0,\"has_more\":false}");
        }
        assertThat(client.get("/internal/files/output").body()).isEqualTo("[]");
        assertThat(client.get("/api/internal/files/output").status()).isEqualTo(404);
        assertThat(client.get("/nonsense/route").status()).isEqualTo(404);
    }

    @Test
    void settingsAndUserDataRoundTrip() throws Exception {
        assertThat(client.post("/api/settings", Map.of("Comfy.TutorialCompleted", true)).status()).isEqualTo(200);
        assertThat(client.post("/api/settings/Comfy.Locale", "\"en\"").status()).isEqualTo(200);
        assertThat(client.get("/api/settings").json().toString())
                .isEqualTo("{\"Comfy.TutorialCompleted\":true,\"Comfy.Locale\":\"en\"}");
        assertThat(client.get("/api/settings/Comfy.Locale").body()).isEqualTo("\"en\"");
        assertThat(client.get("/api/userdata?dir=workflows&recurse=true&split=false&full_info=true").status()).isEqualTo(404);
        RunnerClient.Response saved = client.post("/api/userdata/workflows%2Fmy%20flow.json?overwrite=true", "{\"nodes\": []}");
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().asText()).isEqualTo("workflows/my flow.json");
        assertThat(client.post("/api/userdata/workflows%2Fmy%20flow.json?overwrite=false", "{}").status()).isEqualTo(409);
        RunnerClient.Response formEncoded = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + runner.port() + "/api/userdata/notes.txt?overwrite=true&full_info=true"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=2")));
        assertThat(formEncoded.json().path("size").asInt()).as("a form-encoded body is stored, not parsed").isEqualTo(7);
        JsonNode listing = client.get("/api/userdata?dir=workflows&recurse=true&split=false&full_info=true").json();
        assertThat(listing.path(0).path("path").asText()).isEqualTo("my flow.json");
        assertThat(listing.path(0).path("size").asInt()).isEqualTo(13);
        assertThat(client.get("/api/userdata/workflows%2Fmy%20flow.json").body()).isEqualTo("{\"nodes\": []}");
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port()
                + "/api/userdata/workflows%2Fmy%20flow.json")).DELETE()).status()).isEqualTo(204);
        assertThat(client.get("/api/userdata/..%2F..%2Finput%2Fx.png").status()).isEqualTo(403);
    }

    @Test
    void frontendIsServedFromItsFolder() throws Exception {
        RunnerClient.Response index = client.get("/");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).isEqualTo("<html>frontend</html>");
        assertThat(client.get("/extensions/core/groupNode.js").body()).isEqualTo("export {}");
        assertThat(client.get("/missing.js").status()).isEqualTo(404);
        assertThat(client.get("/%2e%2e/secret").status()).isIn(400, 403, 404);
    }
}
