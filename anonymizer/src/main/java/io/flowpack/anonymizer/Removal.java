package io.flowpack.anonymizer;

import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.mask.PersonMask;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

/**
 * What happened to one picture's pixels.
 *
 * @param image      the result (the input itself when nothing was removed)
 * @param people     the detections
 * @param mask       the removal mask (empty when no one was found and no mask was supplied)
 * @param method     {@code none}, {@code patchmatch}, {@code onnx} or {@code blur}
 * @param parameters the method's settings for the audit
 * @param trained    whether the fill came from a trained model
 * @param detectMillis time to detect
 * @param maskMillis   time to build the mask
 * @param fillMillis   time to inpaint or blur
 */
record Removal(BufferedImage image, List<PersonBox> people, PersonMask mask, String method,
               Map<String, Object> parameters, boolean trained, long detectMillis, long maskMillis, long fillMillis) {

    boolean changed() {
        return !method.equals("none");
    }
}
