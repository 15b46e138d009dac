package io.flowpack.deploy.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.deploy.job.JobClient.Upload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Cancelling: a queued job at once, a running one through its step. One worker, so the second job must queue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "flowpack.jobs.workers=1")
@Import(JobTestSteps.class)
@DirtiesContext
class JobCancelTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestApp.properties(dataDir).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    TestGate gate;

    @Test
    void queuedJobIsCancelledAtOnceAndRunningJobWhenItsStepSeesIt() {
        JobClient client = new JobClient(port);
        String running = client.submitAccepted("gated", Map.of("gate.message", "held by the test"),
                new Upload("slow.png", TestImages.png(16, 16)));
        JsonNode held = awaitGateStep(client, running);
        assertThat(held.path("steps").get(0).path("message").asText()).isEqualTo("held by the test");
        assertThat(held.path("steps").get(0).path("progress").asDouble()).isEqualTo(0.5);
        assertThat(held.path("steps").get(1).path("state").asText()).isEqualTo("PENDING");
        String queued = client.submitAccepted("upscale-2x", Map.of(), new Upload("waiting.png", TestImages.png(16, 16)));
        assertThat(client.job(queued).path("state").asText()).isEqualTo("QUEUED");

        ResponseEntity<String> cancelQueued = client.cancel(queued);
        assertThat(cancelQueued.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(JobClient.json(cancelQueued.getBody()).path("state").asText()).isEqualTo("CANCELLED");
        assertThat(gate.waiting()).isEqualTo(1);

        ResponseEntity<String> cancelRunning = client.cancel(running);
        assertThat(cancelRunning.getStatusCode()).isIn(HttpStatus.ACCEPTED, HttpStatus.OK);
        JsonNode cancelled = client.awaitState(running, "CANCELLED", "SUCCEEDED", "FAILED");
        assertThat(cancelled.path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("error").asText()).isEqualTo("cancelled on request");
        assertThat(cancelled.path("steps").get(0).path("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("finished").asText()).isNotBlank();
        assertThat(gate.waiting()).isZero();

        assertThat(client.job(queued).path("state").asText()).as("a cancelled job never runs").isEqualTo("CANCELLED");
        assertThat(client.cancel(queued).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        gate.open();
        String after = client.submitAccepted("gated", Map.of(), new Upload("after.png", TestImages.png(16, 16)));
        assertThat(client.awaitState(after, "SUCCEEDED", "FAILED").path("state").asText()).isEqualTo("SUCCEEDED");
    }

    /** Waits until the job's first step holds at the gate and its progress (written throttled) shows it. */
    private JsonNode awaitGateStep(JobClient client, String id) {
        await().atMost(JobClient.PATIENCE).until(() -> gate.waiting() == 1);
        JsonNode[] last = new JsonNode[1];
        await().atMost(JobClient.PATIENCE).until(() -> {
            last[0] = client.job(id);
            JsonNode step = last[0].path("steps").path(0);
            return last[0].path("state").asText().equals("RUNNING") && step.path("state").asText().equals("RUNNING")
                    && step.path("progress").asDouble() == 0.5;
        });
        return last[0];
    }
}
