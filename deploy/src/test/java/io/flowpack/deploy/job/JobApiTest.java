package io.flowpack.deploy.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowpack.deploy.job.JobClient.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static io.flowpack.deploy.job.JobClient.part;
import static org.assertj.core.api.Assertions.assertThat;

/** The job API against a real server: real HTTP, the H2 file database, the blob store and YAML routes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(JobTestSteps.class)
@DirtiesContext
class JobApiTest {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        JobTestApp.properties(dataDir).forEach((name, value) -> registry.add(name, () -> value));
        registry.add("flowpack.max-input-size", () -> "1MB");
    }

    @LocalServerPort
    int port;
    JobClient client;

    @BeforeEach
    void client() {
        client = new JobClient(port);
    }

    @Test
    void submittedImageIsUpscaledAndItsPartsCanBeFetched() {
        byte[] png = TestImages.png(40, 30);
        String id = client.submitAccepted("upscale-2x", Map.of(), new Upload("house.png", png));

        JsonNode job = client.awaitState(id, "SUCCEEDED", "FAILED");
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("template").asText()).isEqualTo("upscale-2x");
        assertThat(job.path("error").isNull()).isTrue();
        assertThat(job.path("created").asText()).isNotBlank();
        assertThat(job.path("started").asText()).isNotBlank();
        assertThat(job.path("finished").asText()).isNotBlank();
        JsonNode input = job.path("inputs").get(0);
        assertThat(input.path("name").asText()).isEqualTo("house.png");
        assertThat(input.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(input.path("size").asLong()).isEqualTo(png.length);
        assertThat(input.path("sha256").asText()).hasSize(64);
        JsonNode step = job.path("steps").get(0);
        assertThat(step.path("step").asText()).isEqualTo("upscale");
        assertThat(step.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(step.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(step.path("durationMillis").asLong()).isGreaterThanOrEqualTo(0);

        JsonNode parts = JobClient.json(client.get("/api/jobs/" + id + "/parts").getBody());
        assertThat(parts).hasSize(2);
        JsonNode result = part(parts, "BASE", ".png");
        assertThat(result.path("mediaType").asText()).isEqualTo("image/png");
        ResponseEntity<byte[]> content = client.content(id, result.path("id").asText());
        assertThat(content.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(content.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(content.getHeaders().getContentDisposition().getFilename()).isEqualTo(result.path("name").asText());
        assertThat((long) content.getBody().length).isEqualTo(result.path("size").asLong());
        BufferedImage image = TestImages.decode(content.getBody());
        assertThat(image.getWidth()).isEqualTo(80);
        assertThat(image.getHeight()).isEqualTo(60);

        JsonNode audit = part(parts, "META", "house.audit.json");
        assertThat(audit.path("mediaType").asText()).isEqualTo("application/json");
        JsonNode record = JobClient.json(new String(client.content(id, audit.path("id").asText()).getBody(),
                StandardCharsets.UTF_8));
        assertThat(record.path("audit").get(0).path("step").asText()).isEqualTo("upscale");
        assertThat(record.path("audit").get(0).path("outcome").asText()).isEqualTo("ok");
        assertThat(job.path("parts")).hasSize(2);
    }

    @Test
    void formFieldsBecomeStepParameters() {
        String plain = client.submitAccepted("upscale-2x", Map.of("factor", "3"), new Upload("a.png", TestImages.png(40, 30)));
        String qualified = client.submitAccepted("upscale-2x", Map.of("upscale.longEdge", "100"),
                new Upload("b.png", TestImages.png(40, 30)));

        assertThat(resultImage(plain).getWidth()).isEqualTo(120);
        assertThat(resultImage(qualified).getWidth()).isEqualTo(100);
        assertThat(client.job(plain).path("parameters").path("factor").asText()).isEqualTo("3");
    }

    @Test
    void eachFileIsOneDocumentWithItsResultsAndAudit() {
        String id = client.submitAccepted("upscale-2x", Map.of(), new Upload("one.png", TestImages.png(10, 10)),
                new Upload("two.png", TestImages.png(12, 8)));

        JsonNode job = client.awaitState(id, "SUCCEEDED", "FAILED");
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("inputs")).hasSize(2);
        assertThat(job.path("parts")).hasSize(4);
        assertThat(part(job.path("parts"), "BASE", "one-x2.png").path("document").asText()).isEqualTo("one.png");
        assertThat(part(job.path("parts"), "BASE", "two-x2.png").path("document").asText()).isEqualTo("two.png");
        part(job.path("parts"), "META", "one.audit.json");
        part(job.path("parts"), "META", "two.audit.json");
    }

    @Test
    void templateLimitsTheFilesPerJob() {
        byte[] png = TestImages.png(8, 8);

        assertProblem(client.submit("gated", Map.of(), new Upload("1.png", png), new Upload("2.png", png),
                new Upload("3.png", png)), HttpStatus.BAD_REQUEST, "template 'gated' takes at most 2 files per job, got 3");
    }

    @Test
    void parameterNoStepDeclaresIsRefusedWithTheKnownOnes() {
        ResponseEntity<String> response = client.submit("upscale-2x", Map.of("facter", "3"),
                new Upload("a.png", TestImages.png(8, 8)));

        assertProblem(response, HttpStatus.BAD_REQUEST,
                "unknown parameter 'facter' for template 'upscale-2x'; known: factor, longEdge, method, model, tileSize, tileOverlap, format, quality"
                        + " (did you mean 'factor'?)");
        ResponseEntity<String> wrongStep = client.submit("upscale-2x", Map.of("convert.format", "png"),
                new Upload("a.png", TestImages.png(8, 8)));
        assertProblem(wrongStep, HttpStatus.BAD_REQUEST, "names step 'convert', which template "
                + "'upscale-2x' does not run; its steps: upscale");
    }

    @Test
    void wronglyTypedOrOutOfRangeValueIsRefused() {
        assertProblem(client.submit("upscale-2x", Map.of("factor", "big"), new Upload("a.png", TestImages.png(8, 8))),
                HttpStatus.BAD_REQUEST, "parameter 'factor' of step 'upscale' must be a number, got 'big'");
        assertProblem(client.submit("upscale-2x", Map.of("factor", "100"), new Upload("a.png", TestImages.png(8, 8))),
                HttpStatus.BAD_REQUEST, "parameter 'factor' of step 'upscale'");
    }

    @Test
    void unknownTemplateIsRefusedNamingTheKnownOnes() {
        ResponseEntity<String> response = client.submit("upscale-3x", Map.of(), new Upload("a.png", TestImages.png(8, 8)));

        assertProblem(response, HttpStatus.NOT_FOUND, "unknown template 'upscale-3x'; known templates: gated, upscale-2x");
    }

    @Test
    void requestWithoutFilesIsRefused() {
        assertProblem(client.submit("upscale-2x", Map.of()), HttpStatus.BAD_REQUEST, "no files");
    }

    @Test
    void inputOverTheSizeLimitIsRefusedWith413() {
        byte[] big = new byte[1536 * 1024];
        new Random(1).nextBytes(big);

        ResponseEntity<String> response = client.submit("upscale-2x", Map.of(), new Upload("big.png", big));

        assertProblem(response, HttpStatus.PAYLOAD_TOO_LARGE, "'big.png'");
        assertThat(JobClient.json(response.getBody()).path("detail").asText()).contains("limit of 1048576 bytes");
    }

    @Test
    void badFilesEndFailedWithTheStepsReasonAndKeepTheirInputs() throws Exception {
        String truncated = client.submitAccepted("upscale-2x", Map.of(),
                new Upload("broken.jpg", TestImages.truncated(TestImages.noisyJpeg(200, 150))));
        String text = client.submitAccepted("upscale-2x", Map.of(),
                new Upload("notes.jpg", "just some text, not a JPEG".getBytes(StandardCharsets.UTF_8)));

        JsonNode brokenJob = client.awaitState(truncated, "SUCCEEDED", "FAILED");
        JsonNode textJob = client.awaitState(text, "SUCCEEDED", "FAILED");
        assertThat(brokenJob.path("state").asText()).isEqualTo("FAILED");
        assertThat(brokenJob.path("error").asText()).startsWith("cannot upscale 'broken.jpg': ");
        assertThat(textJob.path("state").asText()).isEqualTo("FAILED");
        assertThat(textJob.path("error").asText()).startsWith("cannot upscale 'notes.jpg': ");
        assertThat(textJob.path("steps").get(0).path("state").asText()).isEqualTo("FAILED");

        String sha = textJob.path("inputs").get(0).path("sha256").asText();
        assertThat(Files.isRegularFile(dataDir.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha))).isTrue();
        JsonNode audit = part(textJob.path("parts"), "META", "notes.audit.json");
        JsonNode record = JobClient.json(new String(client.content(text, audit.path("id").asText()).getBody(),
                StandardCharsets.UTF_8));
        assertThat(record.path("audit").get(0).path("outcome").asText()).isEqualTo("failed");

        String good = client.submitAccepted("upscale-2x", Map.of(), new Upload("fine.png", TestImages.png(10, 10)));
        assertThat(client.awaitState(good, "SUCCEEDED", "FAILED").path("state").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void listShowsNewestFirstAndFiltersByState() {
        String first = client.submitAccepted("upscale-2x", Map.of(), new Upload("1.png", TestImages.png(8, 8)));
        client.awaitState(first, "SUCCEEDED");
        String second = client.submitAccepted("upscale-2x", Map.of(), new Upload("2.png", TestImages.png(8, 8)));
        client.awaitState(second, "SUCCEEDED");

        JsonNode page = JobClient.json(client.get("/api/jobs?state=SUCCEEDED&limit=2").getBody());
        assertThat(page.path("jobs")).hasSize(2);
        assertThat(page.path("jobs").get(0).path("id").asText()).isEqualTo(second);
        assertThat(page.path("jobs").get(1).path("id").asText()).isEqualTo(first);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode failed = JobClient.json(client.get("/api/jobs?state=FAILED").getBody());
        failed.path("jobs").forEach(j -> assertThat(j.path("state").asText()).isEqualTo("FAILED"));
        assertProblem(client.get("/api/jobs?limit=0"), HttpStatus.BAD_REQUEST, "limit must be between 1 and 500");
    }

    @Test
    void cancellingAFinishedJobConflictsAndUnknownJobsAreNotFound() {
        String id = client.submitAccepted("upscale-2x", Map.of(), new Upload("done.png", TestImages.png(8, 8)));
        client.awaitState(id, "SUCCEEDED");

        assertProblem(client.cancel(id), HttpStatus.CONFLICT, "job " + id + " already ended SUCCEEDED");
        assertProblem(client.get("/api/jobs/no-such-job"), HttpStatus.NOT_FOUND, "no job no-such-job");
        assertProblem(client.get("/api/jobs/" + id + "/parts/no-such-part"), HttpStatus.NOT_FOUND,
                "job " + id + " has no part no-such-part");
    }

    @Test
    void openApiDescribesTheJobApi() {
        ResponseEntity<String> response = client.get("/v3/api-docs");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode docs = JobClient.json(response.getBody());
        JsonNode post = docs.path("paths").path("/api/jobs").path("post");
        assertThat(post.path("requestBody").path("content").has("multipart/form-data")).as(post.toString()).isTrue();
        assertThat(post.path("responses").has("202")).isTrue();
        assertThat(docs.path("paths").has("/api/jobs/{id}")).isTrue();
        assertThat(docs.path("paths").has("/api/jobs/{id}/parts/{partId}")).isTrue();
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("JobSubmission").path("properties").has("files")).isTrue();
        assertThat(schemas.path("JobSubmission").path("required").toString()).contains("template", "files");
        assertThat(schemas.path("JobView").path("properties").has("steps")).isTrue();
    }

    private BufferedImage resultImage(String id) {
        JsonNode job = client.awaitState(id, "SUCCEEDED", "FAILED");
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        JsonNode result = part(job.path("parts"), "BASE", ".png");
        return TestImages.decode(client.content(id, result.path("id").asText()).getBody());
    }

    private static void assertProblem(ResponseEntity<String> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JobClient.json(response.getBody());
        assertThat(problem.path("status").asInt()).isEqualTo(status.value());
        assertThat(problem.path("detail").asText()).contains(detail);
    }
}
