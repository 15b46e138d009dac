package io.flowpack.deploy.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.deploy.FlowpackApplication;
import io.flowpack.deploy.job.JobClient.Upload;
import io.flowpack.routes.RouteDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Job state survives a restart on the same data folder: finished jobs stay as they were, a job stopped mid-run by
 * the shutdown and a job a crash left RUNNING run again, and a job whose template has no route stays QUEUED until
 * the route appears.
 */
class JobRestartTest {
    @TempDir
    Path dataDir;

    @Test
    void jobsSurviveARestartAndInterruptedJobsRunAgain() throws Exception {
        String done;
        String crashed;
        String held;
        String later;
        String queued;
        JsonNode doneBefore;
        JsonNode crashedBefore;
        Path laterRoute = JobTestApp.copyRoute("job-test-routes-later/later.yaml", JobTestApp.routesDir(dataDir));
        try (ConfigurableApplicationContext first = start(Map.of("flowpack.jobs.workers", "1"))) {
            JobClient client = client(first);
            done = client.submitAccepted("upscale-2x", Map.of(), new Upload("kept.png", TestImages.png(20, 10)));
            doneBefore = client.awaitState(done, "SUCCEEDED");
            crashed = client.submitAccepted("upscale-2x", Map.of(), new Upload("crashed.png", TestImages.png(20, 10)));
            crashedBefore = client.awaitState(crashed, "SUCCEEDED");
            held = client.submitAccepted("gated", Map.of(), new Upload("held.png", TestImages.png(20, 10)));
            TestGate gate = first.getBean(TestGate.class);
            await().atMost(JobClient.PATIENCE).until(() -> gate.waiting() == 1);
            later = client.submitAccepted("later", Map.of(), new Upload("later.png", TestImages.png(20, 10)));
            queued = client.submitAccepted("upscale-2x", Map.of(), new Upload("queued.png", TestImages.png(20, 10)));
            assertThat(client.job(held).path("state").asText()).isEqualTo("RUNNING");
        }
        assertThat(stateInDatabase(held)).as("stopped by the shutdown, back in the queue").isEqualTo("QUEUED");
        simulateCrashWhileRunning(crashed);
        Files.delete(laterRoute);

        try (ConfigurableApplicationContext second = start(Map.of("job-test.gate-open", "true"))) {
            JobClient client = client(second);
            JsonNode doneAfter = client.job(done);
            assertThat(doneAfter.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(doneAfter.path("finished")).isEqualTo(doneBefore.path("finished"));
            assertThat(doneAfter.path("parts")).isEqualTo(doneBefore.path("parts"));
            assertThat(doneAfter.path("inputs")).isEqualTo(doneBefore.path("inputs"));

            JsonNode crashedAfter = client.awaitState(crashed, "SUCCEEDED", "FAILED");
            assertThat(crashedAfter.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(crashedAfter.path("started")).as("ran again").isNotEqualTo(crashedBefore.path("started"));
            assertThat(client.awaitState(held, "SUCCEEDED", "FAILED").path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(client.awaitState(queued, "SUCCEEDED", "FAILED").path("state").asText()).isEqualTo("SUCCEEDED");
            JsonNode result = JobClient.part(client.job(held).path("parts"), "BASE", ".png");
            assertThat(TestImages.decode(client.content(held, result.path("id").asText()).getBody()).getWidth())
                    .isEqualTo(40);

            assertThat(client.job(later).path("state").asText())
                    .as("no route serves 'later', so it waits while newer jobs run").isEqualTo("QUEUED");
            second.getBean(RouteDirectory.class).load(JobTestApp.copyRoute("job-test-routes-later/later.yaml",
                    dataDir.resolve("routes")));
            assertThat(client.awaitState(later, "SUCCEEDED", "FAILED").path("state").asText()).isEqualTo("SUCCEEDED");
        }
    }

    private ConfigurableApplicationContext start(Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(JobTestApp.properties(dataDir));
        properties.put("server.port", "0");
        properties.putAll(extra);
        return new SpringApplicationBuilder(FlowpackApplication.class, JobTestSteps.class).properties(properties).run();
    }

    private static JobClient client(ConfigurableApplicationContext context) {
        return new JobClient(((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }

    /** What a server killed mid-job leaves behind: the row still RUNNING, no finish time. */
    private void simulateCrashWhileRunning(String id) throws Exception {
        try (Connection db = database();
             PreparedStatement update = db.prepareStatement(
                     "UPDATE job SET state = 'RUNNING', finished = NULL, results = NULL WHERE id = ?")) {
            update.setString(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private String stateInDatabase(String id) throws Exception {
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement("SELECT state FROM job WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("db/flowpack"), "sa", "");
    }
}
