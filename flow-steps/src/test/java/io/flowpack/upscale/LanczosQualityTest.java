package io.flowpack.upscale;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Halves a photo by area averaging, enlarges it 2× again and compares with the original: Lanczos must be
 * at least as close as java.awt bicubic (within 0.3 dB). Uses the photos in {@code samples/} when there are
 * any, and always a generated photo-like image.
 */
class LanczosQualityTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static final int MAX_SAMPLE_EDGE = 1600;

    @Test
    void lanczosIsAtLeastAsCloseAsBicubic() throws IOException {
        List<BufferedImage> originals = new ArrayList<>(samplePhotos());
        originals.add(TestImages.photoLike(640, 480, 42));
        for (BufferedImage original : originals) {
            BufferedImage small = TestImages.halveByArea(original);
            int width = small.getWidth() * 2;
            int height = small.getHeight() * 2;
            BufferedImage reference = original.getSubimage(0, 0, width, height);
            double lanczos = Psnr.of(reference, LanczosResampler.resize(small, width, height));
            double bicubic = Psnr.of(reference, bicubic(small, width, height));
            System.out.printf(Locale.ROOT, "%d×%d: Lanczos %.2f dB, bicubic %.2f dB%n",
                    original.getWidth(), original.getHeight(), lanczos, bicubic);
            assertThat(lanczos).as("Lanczos %.2f dB vs bicubic %.2f dB on a %d×%d image",
                    lanczos, bicubic, original.getWidth(), original.getHeight()).isGreaterThanOrEqualTo(bicubic - 0.3);
        }
    }

    static BufferedImage bicubic(BufferedImage src, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /** JPEG and PNG photos from samples/, centre-cropped to keep the test quick. */
    private static List<BufferedImage> samplePhotos() throws IOException {
        if (!Files.isDirectory(SAMPLES)) {
            return List.of();
        }
        List<BufferedImage> photos = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path file : files.filter(LanczosQualityTest::isPhoto).sorted().toList()) {
                BufferedImage image = ImageIO.read(file.toFile());
                if (image != null && image.getWidth() >= 64 && image.getHeight() >= 64) {
                    photos.add(rgbCrop(image));
                }
            }
        }
        return photos;
    }

    private static boolean isPhoto(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png");
    }

    private static BufferedImage rgbCrop(BufferedImage image) {
        int width = Math.min(MAX_SAMPLE_EDGE, image.getWidth());
        int height = Math.min(MAX_SAMPLE_EDGE, image.getHeight());
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, -(image.getWidth() - width) / 2, -(image.getHeight() - height) / 2, null);
        g.dispose();
        return rgb;
    }
}
