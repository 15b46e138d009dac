package io.flowpack.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSessionsTest {
    @TempDir
    Path dir;

    @Test
    void loadsOnFirstUseAndThenReusesTheSession() {
        ModelEntry a = ModelRegistry.fromPath(TestModels.nearest("a", 2, TensorLayout.NCHW).install(dir));
        ModelEntry b = ModelRegistry.fromPath(TestModels.nearest("b", 2, TensorLayout.NCHW).install(dir));
        try (ModelSessions sessions = new ModelSessions(1)) {
            assertThat(sessions.loaded()).isEmpty();

            LoadedModel first = sessions.get(a);

            assertThat(sessions.get(ModelRegistry.fromPath(dir.resolve("a/model.onnx")))).isSameAs(first);
            assertThat(sessions.get(b)).isNotSameAs(first);
            assertThat(sessions.loaded()).containsExactly("a", "b");
        }
    }

    @Test
    void threadsAskingAtOnceShareOneSession() throws Exception {
        ModelEntry entry = ModelRegistry.fromPath(TestModels.nearest("shared", 2, TensorLayout.NCHW).install(dir));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ModelSessions sessions = new ModelSessions(1)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<LoadedModel>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return sessions.get(entry);
                }));
            }
            start.countDown();
            LoadedModel first = results.get(0).get();
            for (Future<LoadedModel> result : results) {
                assertThat(result.get()).isSameAs(first);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aFailedLoadIsTriedAgainNextTime() throws Exception {
        TestModels.Model model = TestModels.nearest("late-file", 2, TensorLayout.NCHW);
        Path file = model.install(dir);
        Files.delete(file);
        ModelEntry entry = ModelRegistry.fromPath(file.resolveSibling(ModelManifest.FILE_NAME));
        try (ModelSessions sessions = new ModelSessions(1)) {
            assertThatThrownBy(() -> sessions.get(entry)).hasMessageContaining("model file not found");

            Files.write(file, model.onnx());

            assertThat(sessions.get(entry).name()).isEqualTo("late-file");
        }
    }

    @Test
    void closingClosesTheSessions() {
        ModelEntry entry = ModelRegistry.fromPath(TestModels.nearest("closing", 2, TensorLayout.NCHW).install(dir));
        ModelSessions sessions = new ModelSessions(1);
        LoadedModel model = sessions.get(entry);

        sessions.close();

        assertThatThrownBy(() -> model.session().getInputInfo()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sessions.get(entry)).isInstanceOf(IllegalStateException.class)
                .hasMessage("model sessions are closed");
    }

    @Test
    void usesAllProcessorsUnlessToldOtherwise() {
        assertThat(new ModelSessions().intraOpThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(new ModelSessions(3).intraOpThreads()).isEqualTo(3);
        assertThatThrownBy(() -> new ModelSessions(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
