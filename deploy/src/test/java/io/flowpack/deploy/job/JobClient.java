package io.flowpack.deploy.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Talks to a running server's job API over real HTTP, the way a client would. */
final class JobClient {
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRestTemplate http = new TestRestTemplate();
    private final String base;

    JobClient(int port) {
        this.base = "http://localhost:" + port;
    }

    record Upload(String name, byte[] bytes) {
    }

    ResponseEntity<String> submit(String template, Map<String, String> fields, Upload... files) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        if (template != null) {
            form.add("template", template);
        }
        fields.forEach(form::add);
        for (Upload file : files) {
            form.add("files", new ByteArrayResource(file.bytes()) {
                @Override
                public String getFilename() {
                    return file.name();
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity(base + "/api/jobs", new HttpEntity<>(form, headers), String.class);
    }

    /** Submits and returns the new job's id, checking the 202 and its Location. */
    String submitAccepted(String template, Map<String, String> fields, Upload... files) {
        ResponseEntity<String> response = submit(template, fields, files);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        String id = json(response.getBody()).path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(response.getHeaders().getLocation()).hasToString(base + "/api/jobs/" + id);
        return id;
    }

    JsonNode job(String id) {
        ResponseEntity<String> response = get("/api/jobs/" + id);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return json(response.getBody());
    }

    /** Polls the job until it is in one of {@code states}; returns the job as it was then. */
    JsonNode awaitState(String id, String... states) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                .alias("job " + id + " reaches " + List.of(states))
                .until(() -> {
                    last.set(job(id));
                    return List.of(states).contains(last.get().path("state").asText());
                });
        return last.get();
    }

    ResponseEntity<String> get(String path) {
        return http.getForEntity(base + path, String.class);
    }

    ResponseEntity<byte[]> content(String id, String partId) {
        return http.getForEntity(base + "/api/jobs/" + id + "/parts/" + partId, byte[].class);
    }

    ResponseEntity<String> cancel(String id) {
        return http.exchange(base + "/api/jobs/" + id, HttpMethod.DELETE, null, String.class);
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The part of {@code parts} with the given kind and name ending. */
    static JsonNode part(JsonNode parts, String kind, String nameEnding) {
        for (JsonNode part : parts) {
            if (part.path("kind").asText().equals(kind) && part.path("name").asText().endsWith(nameEnding)) {
                return part;
            }
        }
        throw new AssertionError("no " + kind + " part named *" + nameEnding + " in " + parts);
    }
}
