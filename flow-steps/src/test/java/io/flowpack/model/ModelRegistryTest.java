package io.flowpack.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {
    @TempDir
    Path dir;

    private final ClassLoader none = new URLClassLoader(new URL[0], null);

    @Test
    void findsModelsInTheFolderAndNamesTheKnownOnesForAnUnknownName() {
        Path folder = dir.resolve("models");
        TestModels.nearest("alpha-x2", 2, TensorLayout.NCHW).install(folder);
        TestModels.nearest("beta", 2, TensorLayout.NCHW).install(folder);
        ModelRegistry registry = ModelRegistry.of(none, folder);

        assertThat(registry.names()).containsExactly("alpha-x2", "beta");
        assertThat(registry.require("beta").origin()).isEqualTo(ModelEntry.FOLDER);
        assertThat(registry.require("beta").file().describe()).isEqualTo(folder.resolve("beta/model.onnx").toString());
        assertThatThrownBy(() -> registry.require("gamma")).isInstanceOf(ModelLoadException.class)
                .hasMessage("unknown model 'gamma'; known models: alpha-x2, beta; models folder: " + folder);
    }

    @Test
    void aServerRegistryTakesModelPathsOnlyInsideTheModelsFolder() {
        Path folder = dir.resolve("models");
        TestModels.nearest("inside", 2, TensorLayout.NCHW).install(folder);
        TestModels.nearest("outside", 2, TensorLayout.NCHW).install(dir.resolve("elsewhere"));
        ModelRegistry server = ModelRegistry.of(none, folder, false);

        assertThat(server.resolve(folder.resolve("inside/manifest.json").toString()).name()).isEqualTo("inside");
        String outside = dir.resolve("elsewhere/outside/manifest.json").toString();
        assertThatThrownBy(() -> server.resolve(outside)).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("model path '" + outside + "' is outside the models folder (" + folder + ")");
        assertThatThrownBy(() -> server.resolve(folder.resolve("../elsewhere/outside/manifest.json").toString()))
                .isInstanceOf(ModelLoadException.class);
        assertThat(ModelRegistry.of(none, folder, true).resolve(outside).name()).isEqualTo("outside");
    }

    @Test
    void seesAModelDroppedIntoTheFolderLater() {
        Path folder = dir.resolve("models");
        ModelRegistry registry = ModelRegistry.of(none, folder);
        assertThat(registry.find("late")).isEmpty();

        TestModels.nearest("late", 2, TensorLayout.NCHW).install(folder);

        assertThat(registry.find("late")).isPresent();
    }

    @Test
    void groupsAFamilyByScale() {
        Path folder = dir.resolve("models");
        TestModels.nearest("fam-x2", 2, TensorLayout.NCHW).install(folder);
        TestModels.nearest("fam-x4", 4, TensorLayout.NCHW).install(folder);
        TestModels.nearest("family-x3", 3, TensorLayout.NCHW).install(folder);
        ModelRegistry registry = ModelRegistry.of(none, folder);

        assertThat(registry.family("fam")).containsOnlyKeys(2, 4);
        assertThat(registry.family("fam").get(4).name()).isEqualTo("fam-x4");
        assertThat(registry.family("nothing")).isEmpty();
    }

    @Test
    void resolvesUserModelsByPath() throws IOException {
        Path folder = dir.resolve("user");
        Path plain = TestModels.nearest("plain", 2, TensorLayout.NCHW).install(folder);
        Path renamed = Files.move(plain, plain.resolveSibling("weights.onnx"));
        Files.move(plain.resolveSibling("manifest.json"), plain.resolveSibling("weights.json"));
        Files.writeString(renamed.resolveSibling("weights.json"),
                Files.readString(renamed.resolveSibling("weights.json")).replace("model.onnx", "weights.onnx"));
        Path beside = TestModels.nearest("beside", 2, TensorLayout.NCHW).install(folder);
        ModelRegistry registry = ModelRegistry.of(none, null);

        assertThat(registry.resolve(renamed.toString()).name()).isEqualTo("plain");
        assertThat(registry.resolve(beside.toString()).name()).isEqualTo("beside");
        assertThat(registry.resolve(beside.resolveSibling("manifest.json").toString()).origin())
                .isEqualTo(ModelEntry.PATH);
        Path lonely = Files.write(dir.resolve("lonely.onnx"), new byte[]{1});
        assertThatThrownBy(() -> registry.resolve(lonely.toString())).isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("no manifest beside model file " + lonely
                        + "; looked for [lonely.json, lonely.manifest.json, manifest.json]");
        assertThatThrownBy(() -> registry.resolve("esrgan")).hasMessageContaining(
                "unknown model 'esrgan'; known models: (none); no models folder is set (system property "
                        + "flowpack.models-dir)");
    }

    @Test
    void findsBundledModelsInClassFoldersAndJarsAndByIndex() throws IOException {
        Path classes = dir.resolve("classes");
        TestModels.nearest("in-folder", 2, TensorLayout.NCHW).install(classes.resolve("flowpack/models"));
        Path jarred = dir.resolve("jar-content");
        TestModels.nearest("in-jar", 2, TensorLayout.NCHW).install(jarred.resolve("flowpack/models"));
        Path jar = jar(jarred, dir.resolve("models.jar"), true);
        Files.writeString(classes.resolve(BundledModels.INDEX), "# bundled\nin-folder\nlisted-only\n");
        ClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL(), jar.toUri().toURL()}, null);

        assertThat(BundledModels.listed(loader)).containsExactly("in-folder", "in-jar");
        assertThat(BundledModels.indexed(loader)).containsExactly("in-folder", "listed-only");
        ModelRegistry registry = ModelRegistry.of(loader, null);
        assertThat(registry.names()).containsExactly("in-folder", "in-jar");
        assertThat(registry.require("in-jar").file().describe()).isEqualTo("classpath:flowpack/models/in-jar/model.onnx");
        assertThat(registry.require("in-jar").origin()).isEqualTo(ModelEntry.BUNDLED);
        assertThatThrownBy(() -> registry.require("listed-only")).hasMessage("model 'listed-only' is listed in "
                + "flowpack/models/index.txt but its manifest flowpack/models/listed-only/manifest.json is not on the class path");

        try (ModelSessions sessions = new ModelSessions(1)) {
            assertThat(sessions.get(registry.require("in-jar")).sha256())
                    .isEqualTo(TestModels.sha256(TestModels.nearest("in-jar", 2, TensorLayout.NCHW).onnx()));
        }
    }

    @Test
    void aFolderModelReplacesABundledOneOfTheSameName() throws IOException {
        Path classes = dir.resolve("classes");
        TestModels.nearest("same", 2, TensorLayout.NCHW).install(classes.resolve("flowpack/models"));
        Path folder = dir.resolve("models");
        TestModels.nearest("same", 3, TensorLayout.NCHW).install(folder);
        ModelRegistry registry = ModelRegistry.of(new URLClassLoader(new URL[]{classes.toUri().toURL()}, null), folder);

        assertThat(registry.require("same").manifest().scale()).isEqualTo(3);
    }

    @Test
    void standardReadsTheModelsFolderFromTheSystemProperty() {
        Path folder = dir.resolve("models");
        TestModels.nearest("from-property", 2, TensorLayout.NCHW).install(folder);
        String before = System.getProperty(ModelRegistry.MODELS_DIR_PROPERTY);
        System.setProperty(ModelRegistry.MODELS_DIR_PROPERTY, folder.toString());
        try {
            assertThat(ModelRegistry.standard().find("from-property")).isPresent();
            assertThat(ModelRegistry.standard().folder()).contains(folder);
        } finally {
            if (before == null) {
                System.clearProperty(ModelRegistry.MODELS_DIR_PROPERTY);
            } else {
                System.setProperty(ModelRegistry.MODELS_DIR_PROPERTY, before);
            }
        }
    }

    @Test
    void aJarWithoutDirectoryEntriesIsListedThroughItsIndex() throws IOException {
        Path content = dir.resolve("jar-content");
        TestModels.nearest("indexed", 2, TensorLayout.NCHW).install(content.resolve("flowpack/models"));
        TestModels.nearest("unindexed", 2, TensorLayout.NCHW).install(content.resolve("flowpack/models"));
        Path bare = jar(content, dir.resolve("bare.jar"), false);
        ClassLoader withoutIndex = new URLClassLoader(new URL[]{bare.toUri().toURL()}, null);
        Files.writeString(content.resolve(BundledModels.INDEX), "indexed\n");
        Path indexed = jar(content, dir.resolve("indexed.jar"), false);
        ClassLoader withIndex = new URLClassLoader(new URL[]{indexed.toUri().toURL()}, null);

        assertThat(BundledModels.names(withoutIndex)).isEmpty();
        assertThat(BundledModels.names(withIndex)).containsExactly("indexed", "unindexed");
    }

    /** A jar of the folder's files, with directory entries as the Maven jar plugin writes them, or without. */
    private static Path jar(Path content, Path jar, boolean directories) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(content)) {
            paths = walk.filter(p -> !p.equals(content)).sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Path path : paths) {
                String name = content.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    if (directories) {
                        zip.putNextEntry(new JarEntry(name + "/"));
                        zip.closeEntry();
                    }
                } else {
                    zip.putNextEntry(new JarEntry(name));
                    zip.write(Files.readAllBytes(path));
                    zip.closeEntry();
                }
            }
        }
        return jar;
    }
}
