package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.nodes.FolderContext;
import io.flowpack.generate.onnx.TinyDiffusersModels;
import io.flowpack.model.ModelRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generation nodes' own checks: seeds, latent sizes, checkpoint listing and a missing VAE encoder. */
class GenerateNodeInputsTest {

    @TempDir
    Path temp;

    @Test
    void seedsUpTo32BitsAreKeptLargerOnesFolded() throws NodeException {
        assertThat(KSamplerNode.seed(8566257)).isEqualTo(8566257L);
        assertThat(KSamplerNode.seed(0xFFFF_FFFFL)).isEqualTo(0xFFFF_FFFFL);
        long comfyDefault = 156680208700286L;
        assertThat(KSamplerNode.seed(comfyDefault)).isEqualTo((comfyDefault ^ (comfyDefault >>> 32)) & 0xFFFF_FFFFL);
        assertThat(KSamplerNode.seed(new BigInteger("18446744073709551615"))).isEqualTo(0L);
        assertThatThrownBy(() -> KSamplerNode.seed(-1)).hasMessageContaining("seed must be 0…18446744073709551615");
        assertThatThrownBy(() -> KSamplerNode.seed(new BigInteger("18446744073709551616")))
                .isInstanceOf(NodeException.class);
        assertThatThrownBy(() -> KSamplerNode.seed("five")).hasMessageContaining("must be an integer");
    }

    @Test
    void emptyLatentIsZerosOfAnEighthTheSizeAndRefusesHugeBatches() throws NodeException {
        FolderContext context = new FolderContext(temp);
        Latent latent = (Latent) new EmptyLatentImageNode().execute(Map.of("width", 72, "height", 40,
                "batch_size", 2), context).values().get(0);
        assertThat(latent.batch()).isEqualTo(2);
        assertThat(latent.width()).isEqualTo(9);
        assertThat(latent.height()).isEqualTo(5);
        assertThat(latent.samples()).hasSize(2 * 4 * 5 * 9).containsOnly(0f);
        assertThatThrownBy(() -> new EmptyLatentImageNode().execute(Map.of("width", 16384, "height", 16384,
                "batch_size", 4096), context)).isInstanceOf(NodeException.class)
                .hasMessageContaining("more than the limit");
    }

    @Test
    void checkpointsAreTheDiffusersFoldersOfTheModelsFolder() throws Exception {
        TinyDiffusersModels.write(temp.resolve("models/tiny"));
        TinyDiffusersModels.write(temp.resolve("models/no-encoder"),
                new TinyDiffusersModels.Options(7, 1, false, "EulerDiscreteScheduler", false, 1));
        Files.createDirectories(temp.resolve("models/not-a-model"));
        Checkpoints checkpoints = new Checkpoints(ModelRegistry.of(getClass().getClassLoader(), temp.resolve("models")), 1);
        CheckpointLoaderSimpleNode loader = new CheckpointLoaderSimpleNode(checkpoints);
        assertThat(loader.definition().input("ckpt_name").choices()).containsExactly("no-encoder", "tiny");
        assertThatThrownBy(() -> loader.execute(Map.of("ckpt_name", "not-a-model"), new FolderContext(temp)))
                .isInstanceOf(NodeException.class).hasMessageContaining("available: [no-encoder, tiny]");

        Checkpoint noEncoder = (Checkpoint) loader.execute(Map.of("ckpt_name", "no-encoder"), new FolderContext(temp))
                .values().get(2);
        var image = new io.flowpack.comfy.node.ImageBatch(16, 16, java.util.List.of(new float[16 * 16 * 3]));
        assertThatThrownBy(() -> new VaeEncodeNode().execute(Map.of("pixels", image, "vae", noEncoder),
                new FolderContext(temp))).isInstanceOf(NodeException.class).hasMessageContaining("vae_encoder");
    }
}
