package io.flowpack.generate;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * The images of one request and what made them.
 *
 * @param images    one per batch item, in order
 * @param model     the model's name or path as used
 * @param modelHash hex SHA-256 identifying the model's weights (see the backend for what is hashed)
 * @param details   backend facts for the audit: scheduler, steps run, component hashes, timings
 */
public record GenerationResult(List<BufferedImage> images, String model, String modelHash, Map<String, Object> details) {
    public GenerationResult {
        images = List.copyOf(images);
        details = Map.copyOf(details);
    }
}
