package io.flowpack.bench.anonymize;

import io.flowpack.anonymizer.detect.NanoDetPersonDetector;
import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.inpaint.InpaintProgress;
import io.flowpack.anonymizer.inpaint.PatchMatchInpainter;
import io.flowpack.anonymizer.mask.MaskSettings;
import io.flowpack.anonymizer.mask.PersonMask;
import io.flowpack.anonymizer.mask.PersonMaskBuilder;
import io.flowpack.anonymizer.mask.SelfieSegmenter;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The anonymizer's parts with their default settings, wired the way the {@code anonymize} step wires them:
 * detect people, build the (dilated, feathered) mask, fill it with PatchMatch.
 */
final class AnonymizerParts {
    final NanoDetPersonDetector detector = NanoDetPersonDetector.standard();
    final SelfieSegmenter segmenter = new SelfieSegmenter(ModelRegistry.standard(), ModelSessions.shared());
    final PersonMaskBuilder maskBuilder = new PersonMaskBuilder(segmenter, MaskSettings.defaults());
    final PatchMatchInpainter inpainter = new PatchMatchInpainter();

    List<PersonBox> detect(BufferedImage image) {
        return detector.detect(image);
    }

    PersonMask mask(BufferedImage image, List<PersonBox> people) {
        return maskBuilder.build(image, people);
    }

    BufferedImage inpaint(BufferedImage image, PersonMask mask) {
        return mask.isEmpty() ? image : inpainter.inpaint(image, toFloats(mask), InpaintProgress.NONE);
    }

    /** The mask as the inpainter takes it: one 0..1 float per pixel. */
    static float[] toFloats(PersonMask mask) {
        byte[] alpha = mask.alpha();
        float[] out = new float[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            out[i] = (alpha[i] & 0xff) / 255f;
        }
        return out;
    }
}
