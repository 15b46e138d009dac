package io.flowpack.comfy.runner;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Binary WebSocket frames of previews: type 1 ({@code PREVIEW_IMAGE}: 4-byte format, 1 = JPEG) for clients that did
 * not negotiate metadata, type 4 ({@code PREVIEW_IMAGE_WITH_METADATA}: 4-byte JSON length, JSON, image) for those that
 * did. All integers big-endian.
 */
final class PreviewFrames {

    static final int PREVIEW_IMAGE = 1;
    static final int PREVIEW_IMAGE_WITH_METADATA = 4;
    static final int FORMAT_JPEG = 1;
    static final int FORMAT_PNG = 2;

    private PreviewFrames() {
    }

    static byte[] jpeg(BufferedImage image) {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.createGraphics().drawImage(image, 0, 0, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(rgb, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Type 1: the 4-byte format (1 = JPEG, 2 = PNG) and the encoded image. */
    static byte[] legacy(byte[] encoded, int format) {
        return ByteBuffer.allocate(8 + encoded.length).putInt(PREVIEW_IMAGE).putInt(format).put(encoded).array();
    }

    /** Type 4: the JSON metadata ({@code image_type} {@code image/jpeg} or {@code image/png}) and the image. */
    static byte[] withMetadata(byte[] encoded, String mimeType, String promptId, String nodeId) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("node_id", nodeId);
        meta.put("prompt_id", promptId);
        meta.put("display_node_id", nodeId);
        meta.put("parent_node_id", null);
        meta.put("real_node_id", nodeId);
        meta.put("image_type", mimeType);
        byte[] json = Json.write(meta).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + encoded.length).putInt(PREVIEW_IMAGE_WITH_METADATA)
                .putInt(json.length).put(json).put(encoded).array();
    }
}
