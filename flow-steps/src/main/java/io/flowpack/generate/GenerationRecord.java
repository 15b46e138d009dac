package io.flowpack.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one generated image records about its making, for its XMP and the audit.
 *
 * @param prompt         the prompt as given to the model
 * @param negativePrompt the negative prompt (may be empty)
 * @param seed           the seed of the batch
 * @param batchIndex     0-based position in the batch (image i uses the i-th slice of the seed's noise)
 * @param steps          denoising steps of the schedule
 * @param guidance       classifier-free guidance scale
 * @param scheduler      the scheduler used, e.g. {@code euler}
 * @param strength       img2img strength, or null for text to image
 * @param backend        {@code onnx} or {@code comfy}
 * @param model          the model's name or path
 * @param modelHash      hex SHA-256 identifying the model
 */
public record GenerationRecord(String prompt, String negativePrompt, long seed, int batchIndex, int steps,
                               double guidance, String scheduler, Double strength, String backend, String model,
                               String modelHash) {
    /** IPTC Digital Source Type for media created by a trained model. */
    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    /** The fields by name, as the part metadata and the audit carry them. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("digitalSourceType", TRAINED_ALGORITHMIC_MEDIA);
        map.put("prompt", prompt);
        map.put("negativePrompt", negativePrompt);
        map.put("seed", seed);
        map.put("batchIndex", batchIndex);
        map.put("steps", steps);
        map.put("guidance", guidance);
        map.put("scheduler", scheduler);
        if (strength != null) {
            map.put("strength", strength);
        }
        map.put("backend", backend);
        map.put("model", model);
        map.put("modelHash", modelHash);
        return map;
    }
}
