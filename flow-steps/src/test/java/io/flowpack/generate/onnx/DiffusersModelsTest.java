package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiffusersModelsTest {
    @TempDir
    Path models;

    @Test
    void namesStayInsideTheModelsFolder() throws Exception {
        TinyDiffusersModels.write(models.resolve("tiny-sd"));
        try (DiffusersModels registry = new DiffusersModels(ModelRegistry.of(getClass().getClassLoader(), models, false), 1)) {
            assertThat(registry.resolve("tiny-sd")).isEqualTo(models.resolve("tiny-sd").toAbsolutePath().normalize());
            assertThat(registry.pipeline("tiny-sd")).isSameAs(registry.pipeline("tiny-sd"));       // loaded once
            assertThatThrownBy(() -> registry.resolve("..")).isInstanceOf(GenerationException.class)
                    .hasMessageContaining("must be letters, digits");
            assertThatThrownBy(() -> registry.resolve(models.resolve("../elsewhere").toString()))
                    .hasMessageContaining("outside the models folder");
            assertThatThrownBy(() -> registry.resolve(" ")).hasMessageContaining("no model configured");
        }
        try (DiffusersModels noFolder = new DiffusersModels(ModelRegistry.of(getClass().getClassLoader(), null), 1)) {
            assertThatThrownBy(() -> noFolder.resolve("tiny-sd")).hasMessageContaining("no models folder is set");
            Path file = Files.writeString(models.resolve("model.onnx"), "x");
            assertThatThrownBy(() -> noFolder.resolve(file.toString())).hasMessageContaining("is not a folder");
        }
    }

    @Test
    void externalDataIsPartOfTheHash() throws Exception {
        Path unet = Files.createDirectories(models.resolve("unet"));
        Path model = Files.writeString(unet.resolve("model.onnx"), "graph");
        assertThat(ComponentHash.of(model)).isEqualTo(sha256("graph"));
        Files.writeString(unet.resolve("config.json"), "{}");                       // not part of the weights
        assertThat(ComponentHash.of(model)).isEqualTo(sha256("graph"));
        Files.writeString(unet.resolve("weights.pb"), "weights");
        // with external data: sha256 of "<file> <sha256>\n" lines, sorted by file name
        assertThat(ComponentHash.of(model)).isEqualTo(sha256("model.onnx " + sha256("graph") + "\n"
                + "weights.pb " + sha256("weights") + "\n"));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
