package io.flowpack.comfy.nodes.pixels;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.MaskBatch;
import io.flowpack.document.BlobStore;
import io.flowpack.document.Part;
import io.flowpack.imaging.ImageDecoder;
import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.ImageLimits;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Batches to flowpack {@link Part}s (lossless PNG in a {@link BlobStore}) and image parts back to images. */
public final class PngParts {

    private PngParts() {
    }

    /** One image as a {@code BASE} PNG part named {@code name}, with its size in the metadata. */
    public static Part write(BlobStore blobs, BufferedImage image, String name) throws IOException {
        return Part.base(ImageFormat.PNG.mediaType(), name,
                blobs.write(out -> ImageEncoder.encode(image, ImageFormat.PNG, 1f, out)),
                Map.of("width", image.getWidth(), "height", image.getHeight()));
    }

    /** Every batch item as a PNG part, named {@code <base>_00001.png}, {@code <base>_00002.png}, … */
    public static List<Part> write(BlobStore blobs, ImageBatch batch, String base) throws IOException {
        List<Part> parts = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            parts.add(write(blobs, ImageBatches.image(batch, i), itemName(base, i) + ".png"));
        }
        return parts;
    }

    /** Mask {@code index} (cyclic) as a grey PNG part, white = masked. */
    public static Part writeMask(BlobStore blobs, MaskBatch masks, int index, String name) throws IOException {
        return write(blobs, MaskBatches.image(masks, index % masks.size()), name);
    }

    /** {@code <base>_00001} for item 0: the name of one batch item, without extension. */
    public static String itemName(String base, int index) {
        return String.format(Locale.ROOT, "%s_%05d", base, index + 1);
    }

    /** The first page of an image part, decoded within the limits (EXIF orientation applied). */
    public static BufferedImage read(BlobStore blobs, Part part, ImageLimits limits) throws IOException {
        Path file = blobs.localPath(part.blob()).orElse(null);
        if (file != null) {
            return ImageDecoder.decodeFirst(file, limits);
        }
        Path temp = Files.createTempFile("flowpack-part-", ".img");
        try {
            try (InputStream in = blobs.open(part.blob())) {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            return ImageDecoder.decodeFirst(temp, limits);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
