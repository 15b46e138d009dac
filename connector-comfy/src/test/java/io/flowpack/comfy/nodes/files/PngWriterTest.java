package io.flowpack.comfy.nodes.files;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.nodes.TestImages;
import io.flowpack.comfy.nodes.pixels.ImageBatches;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void everyPixelComesBackThroughAnIndependentDecoderAtEveryLevel() throws Exception {
        Random random = new Random(42);
        // noise, flat areas and gradients exercise all five row filters; odd sizes the row edges
        BufferedImage picture = TestImages.draw(37, 23, false, (x, y) -> x < 12 ? random.nextInt(1 << 24)
                : x < 24 ? 0x336699 : (x * 9) << 16 | (y * 11) << 8 | (x + y));
        ImageBatch batch = ImageBatches.of(List.of(TestImages.gradient(37, 23), picture));
        for (int level : new int[] {0, 1, 4, 9}) {
            Path file = dir.resolve("level" + level + ".png");
            Files.write(file, PngWriter.write(batch, 1, Map.of(), level));

            BufferedImage back = ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT);

            assertThat(back.getWidth()).isEqualTo(37);
            assertThat(back.getHeight()).isEqualTo(23);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    assertThat(back.getRGB(x, y) & 0xffffff).as("level %d at %d,%d", level, x, y)
                            .isEqualTo(picture.getRGB(x, y) & 0xffffff);
                }
            }
        }
    }

    @Test
    void aOnePixelImageAndTextChunksInOrder() throws Exception {
        ImageBatch dot = ImageBatches.of(TestImages.draw(1, 1, false, (x, y) -> 0xfe0102));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("prompt", "{\"1\": {}}");
        texts.put("workflow", "{\"name\": \"Grüße ✓\"}");

        byte[] png = PngWriter.write(dot, 0, texts, 4);

        assertThat(PngText.read(png)).containsExactlyEntriesOf(texts);
        Path file = Files.write(dir.resolve("dot.png"), png);
        assertThat(ImageDecoder.decodeFirst(file, ImageLimits.DEFAULT).getRGB(0, 0) & 0xffffff).isEqualTo(0xfe0102);
    }
}
