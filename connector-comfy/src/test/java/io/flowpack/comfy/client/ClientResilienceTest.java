package io.flowpack.comfy.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.testsupport.HoldNode;
import io.flowpack.comfy.testsupport.RunnerFixture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interrupt, time-out, several clients and a runner restart in the middle of a prompt, on real sockets. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientResilienceTest {
    @TempDir
    Path dir;
    private RunnerFixture runner;
    private final List<ComfyClient> clients = new CopyOnWriteArrayList<>();
    /**
     * Background runs get their own threads: the common pool has a single thread on a 2-core machine, where a run
     * still winding down from an earlier test kept the next test's run from starting.
     */
    private final ExecutorService background = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        runner = new RunnerFixture(dir);
        ComfyClient uploader = client(ComfyServerSettings.of("local", runner.url()));
        uploader.uploadImage("hold.png", "image/png", RunnerFixture.gradientPng(24, 16), false);
    }

    @AfterEach
    void stop() {
        clients.forEach(ComfyClient::close);
        runner.close();
        background.shutdownNow();
    }

    private ComfyClient client(ComfyServerSettings settings) {
        ComfyClient client = new ComfyClient(settings);
        clients.add(client);
        return client;
    }

    private static ObjectNode holdWorkflow(long millis, String prefix) throws Exception {
        return (ObjectNode) ComfyJson.MAPPER.readTree("""
                {"1": {"class_type": "LoadImage", "inputs": {"image": "hold.png"}},
                 "2": {"class_type": "TestHold", "inputs": {"image": ["1", 0], "millis": %d}},
                 "3": {"class_type": "SaveImage", "inputs": {"images": ["2", 0], "filename_prefix": "%s"}}}
                """.formatted(millis, prefix));
    }

    /** Runs in the background; the latch opens once the hold node reports progress, with the prompt id. */
    private CompletableFuture<PromptResult> runHolding(ComfyClient client, ObjectNode workflow, CountDownLatch holding,
                                                       AtomicReference<String> promptId) {
        return CompletableFuture.supplyAsync(() -> client.run(workflow, update -> {
            if ("2".equals(update.node()) && update.value() > 0) {
                promptId.compareAndSet(null, update.promptId());
                holding.countDown();
            }
        }), background);
    }

    private static Throwable failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the run to fail");
    }

    @Test
    void interruptStopsTheRunningPrompt() throws Exception {
        ComfyClient client = client(ComfyServerSettings.of("local", runner.url()));
        CountDownLatch holding = new CountDownLatch(1);
        AtomicReference<String> promptId = new AtomicReference<>();
        CompletableFuture<PromptResult> run = runHolding(client, holdWorkflow(30_000, "int"), holding, promptId);
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        client.interrupt(promptId.get());
        Throwable failure = failure(run);
        assertThat(failure).isInstanceOf(PromptInterruptedException.class)
                .hasMessageContaining("prompt " + promptId.get() + " was interrupted in node 2 (" + HoldNode.CLASS + ")");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(client.history(promptId.get()).orElseThrow().path("status").path("status_str").asText()).isEqualTo("error");
    }

    @Test
    void cancellingTheCallerInterruptsOnTheServer() throws Exception {
        ComfyClient client = client(ComfyServerSettings.of("local", runner.url()));
        CountDownLatch holding = new CountDownLatch(1);
        AtomicReference<String> promptId = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        CompletableFuture<PromptResult> run = CompletableFuture.supplyAsync(() -> client.run(holdWorkflow30(), update -> {
            if ("2".equals(update.node()) && update.value() > 0) {
                promptId.compareAndSet(null, update.promptId());
                holding.countDown();
            }
        }, cancelled::get), background);
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        cancelled.set(true);
        assertThat(failure(run)).isInstanceOf(PromptInterruptedException.class).hasMessageContaining("cancelled by the caller");
        awaitIdle();
    }

    private static ObjectNode holdWorkflow30() {
        try {
            return holdWorkflow(30_000, "cancel");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPromptOverItsTimeOutIsInterrupted() throws Exception {
        ComfyClient client = client(ComfyServerSettings.of("local", runner.url()).withPromptTimeout(Duration.ofMillis(800)));
        assertThatThrownBy(() -> client.run(holdWorkflow(30_000, "slow"), ComfyProgress.NONE))
                .isInstanceOf(PromptTimeoutException.class)
                .hasMessageContaining("did not finish within PT0.8S; it was interrupted");
        awaitIdle();
    }

    private void awaitIdle() {
        Awaitility.await("the runner's queue empty").atMost(Duration.ofSeconds(20))
                .until(() -> runner.runner().queueRemaining() == 0);
    }

    @Test
    void twoClientsSeeOnlyTheirOwnPrompts() throws Exception {
        ComfyClient a = client(ComfyServerSettings.of("a", runner.url()));
        ComfyClient b = client(ComfyServerSettings.of("b", runner.url()));
        List<JsonNode> seenByA = new CopyOnWriteArrayList<>();
        List<JsonNode> seenByB = new CopyOnWriteArrayList<>();
        a.addMessageListener(seenByA::add);
        b.addMessageListener(seenByB::add);
        CompletableFuture<PromptResult> runA = CompletableFuture.supplyAsync(() -> run(a, 300, "a"), background);
        CompletableFuture<PromptResult> runB = CompletableFuture.supplyAsync(() -> run(b, 300, "b"), background);
        String idA = runA.get(60, TimeUnit.SECONDS).promptId();
        String idB = runB.get(60, TimeUnit.SECONDS).promptId();
        assertThat(promptIds(seenByA)).containsExactly(idA);
        assertThat(promptIds(seenByB)).containsExactly(idB);
        assertThat(runA.get().images().get(0).filename()).startsWith("a_");
        assertThat(runB.get().images().get(0).filename()).startsWith("b_");
    }

    private static PromptResult run(ComfyClient client, long millis, String prefix) {
        try {
            return client.run(holdWorkflow(millis, prefix), ComfyProgress.NONE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> promptIds(List<JsonNode> messages) {
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (JsonNode message : messages) {
            String type = message.path("type").asText();
            JsonNode id = message.path("data").get("prompt_id");
            if (id != null && !type.equals("status")) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    @Test
    void aRestartThatLostThePromptIsDetectedAndThePromptQueuedAgain() throws Exception {
        ComfyClient client = client(ComfyServerSettings.of("local", runner.url()));
        CountDownLatch holding = new CountDownLatch(1);
        AtomicReference<String> first = new AtomicReference<>();
        CompletableFuture<PromptResult> run = runHolding(client, holdWorkflow(1500, "again"), holding, first);
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        runner.stop();
        runner.startAgain();
        PromptResult result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.resubmits()).isPositive(); // 2 when the dying runner still took the first resubmit
        assertThat(result.promptId()).isNotEqualTo(first.get());
        assertThat(result.images()).singleElement().satisfies(i -> assertThat(i.filename()).startsWith("again_"));
        assertThat(client.view(result.images().get(0))).isNotEmpty();
        assertThat(client.history(first.get())).isEmpty();
    }

    @Test
    void withTheFailPolicyALostPromptFailsClearly() throws Exception {
        ComfyClient client = client(ComfyServerSettings.of("local", runner.url()).withOnLostPrompt(LostPromptPolicy.FAIL));
        CountDownLatch holding = new CountDownLatch(1);
        AtomicReference<String> first = new AtomicReference<>();
        CompletableFuture<PromptResult> run = runHolding(client, holdWorkflow(5000, "lost"), holding, first);
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        runner.stop();
        runner.startAgain();
        assertThat(failure(run)).isInstanceOf(PromptLostException.class)
                .hasMessage("ComfyUI server 'local' lost prompt " + first.get() + ": the WebSocket dropped and afterwards"
                        + " the prompt was in neither /queue nor /history (the server restarted?); on-lost-prompt is 'fail'");
    }
}
