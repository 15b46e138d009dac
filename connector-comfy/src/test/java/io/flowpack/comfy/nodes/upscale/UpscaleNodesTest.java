package io.flowpack.comfy.nodes.upscale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInterruptedException;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.comfy.nodes.TestImages;
import io.flowpack.comfy.nodes.image.LoadImageNode;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.image.TileOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The upscale nodes on the bundled esrgan-slim models, run by ONNX Runtime. */
class UpscaleNodesTest {
    static ModelSessions sessions;
    static ModelRegistry models;

    @TempDir
    Path root;
    FolderContext context;
    UpscaleModelLoaderNode loader;

    @BeforeAll
    static void sessions() {
        sessions = new ModelSessions(1);
        models = ModelRegistry.of(UpscaleNodesTest.class.getClassLoader(), null);
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    @BeforeEach
    void setUp() {
        context = new FolderContext(root);
        loader = new UpscaleModelLoaderNode(models, sessions);
    }

    @Test
    void theLoaderListsTheBundledSuperResolutionModelsOnly() {
        assertThat(loader.definition().input("model_name").choices())
                .containsExactly("esrgan-slim-x2", "esrgan-slim-x3", "esrgan-slim-x4");
        assertThat(loader.definition().outputs().get(0).type()).isEqualTo("UPSCALE_MODEL");
    }

    @Test
    void modelsInTheModelsFolderAreListedAndLoadable() throws Exception {
        Path folder = Files.createDirectories(root.resolve("models/studio-x2"));
        ClassLoader loader = getClass().getClassLoader();
        try (InputStream model = loader.getResourceAsStream("flowpack/models/esrgan-slim-x2/model.onnx");
             InputStream manifest = loader.getResourceAsStream("flowpack/models/esrgan-slim-x2/manifest.json")) {
            Files.copy(model, folder.resolve("model.onnx"));
            ObjectMapper json = new ObjectMapper();
            ObjectNode tree = (ObjectNode) json.readTree(manifest);
            tree.put("name", "studio-x2");
            json.writeValue(folder.resolve("manifest.json").toFile(), tree);
        }
        UpscaleModelLoaderNode withFolder = new UpscaleModelLoaderNode(
                ModelRegistry.of(loader, root.resolve("models")), sessions);

        assertThat(withFolder.definition().input("model_name").choices())
                .containsExactly("esrgan-slim-x2", "esrgan-slim-x3", "esrgan-slim-x4", "studio-x2");
        UpscaleModel model = (UpscaleModel) withFolder.execute(Map.of("model_name", "studio-x2"), context)
                .values().get(0);
        assertThat(model.scale()).isEqualTo(2);
        assertThat(model.name()).isEqualTo("studio-x2");
    }

    @Test
    void esrganSlimX2DoublesTheSizeTileByTileWithProgress() throws Exception {
        TestImages.writePng(TestImages.gradient(150, 90), context.inputDirectory().resolve("photo.png"));
        ImageBatch image = (ImageBatch) new LoadImageNode(context.inputDirectory())
                .execute(Map.of("image", "photo.png"), context).values().get(0);
        UpscaleModel model = (UpscaleModel) loader.execute(Map.of("model_name", "esrgan-slim-x2"), context)
                .values().get(0);

        ImageBatch result = (ImageBatch) new ImageUpscaleWithModelNode()
                .execute(Map.of("upscale_model", model, "image", image), context).values().get(0);

        assertThat(result.width()).isEqualTo(300);
        assertThat(result.height()).isEqualTo(180);
        int tiles = model.model().plan(150, 90, TileOptions.MANIFEST).count();
        assertThat(tiles).isGreaterThan(1);
        assertThat(context.progress()).last().satisfies(p -> assertThat(p).containsExactly(tiles, tiles));
        // a super-resolution model keeps the picture: compare a smooth area with the source
        float[] source = image.images().get(0);
        float[] enlarged = result.images().get(0);
        float before = source[(45 * 150 + 75) * 3];
        float after = enlarged[(90 * 300 + 150) * 3];
        assertThat(Math.abs(after - before)).isLessThan(0.08f);
    }

    @Test
    void anInterruptStopsBetweenTiles() throws Exception {
        UpscaleModel model = (UpscaleModel) loader.execute(Map.of("model_name", "esrgan-slim-x2"), context)
                .values().get(0);
        ImageBatch image = ImageBatches.of(TestImages.gradient(300, 200));
        int tiles = model.model().plan(300, 200, TileOptions.MANIFEST).count();
        context.interruptAfter(2); // the start report and the first tile

        assertThatThrownBy(() -> new ImageUpscaleWithModelNode()
                .execute(Map.of("upscale_model", model, "image", image), context))
                .isInstanceOf(NodeInterruptedException.class);
        assertThat(tiles).isGreaterThan(2);
        assertThat(context.progress()).hasSize(2);
    }

    @Test
    void unknownAndNonUpscaleModelsAreRefusedByName() {
        assertThatThrownBy(() -> loader.execute(Map.of("model_name", "nope"), context))
                .isInstanceOf(NodeException.class).hasMessageContaining("unknown model 'nope'");
        assertThatThrownBy(() -> loader.execute(Map.of("model_name", "nanodet"), context))
                .isInstanceOf(NodeException.class).hasMessageContaining("is not an upscale model");
    }
}
