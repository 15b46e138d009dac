package io.flowpack.anonymizer.privacy;

import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files made by {@code src/test/resources/privacy/make-privacy-fixtures.sh}, and decode/encode helpers. */
final class PrivacyFixtures {
    static final String JPEG = "with-everything.jpg";
    static final String PNG = "with-exif-xmp.png";
    static final String TIFF = "with-gps.tif";

    private PrivacyFixtures() {
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = PrivacyFixtures.class.getResourceAsStream("/privacy/" + name)) {
            if (in == null) {
                throw new IOException("fixture missing: " + name + " (run make-privacy-fixtures.sh)");
            }
            return in.readAllBytes();
        }
    }

    static BufferedImage decode(byte[] file, Path dir) throws IOException {
        Path path = Files.createTempFile(dir, "image", ".bin");
        Files.write(path, file);
        return ImageDecoder.decodeFirst(path, ImageLimits.DEFAULT);
    }

    static byte[] encode(BufferedImage image, ImageFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageEncoder.encode(image, format, 0.9f, out);
        return out.toByteArray();
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
