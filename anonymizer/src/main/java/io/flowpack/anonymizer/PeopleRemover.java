package io.flowpack.anonymizer;

import io.flowpack.anonymizer.detect.DetectionSettings;
import io.flowpack.anonymizer.detect.NanoDetPersonDetector;
import io.flowpack.anonymizer.detect.PersonBox;
import io.flowpack.anonymizer.detect.PersonDetector;
import io.flowpack.anonymizer.detect.YoloModels;
import io.flowpack.anonymizer.detect.YoloPersonDetector;
import io.flowpack.anonymizer.inpaint.InpaintProgress;
import io.flowpack.anonymizer.inpaint.Inpainter;
import io.flowpack.anonymizer.inpaint.OnnxInpainter;
import io.flowpack.anonymizer.inpaint.PatchMatchInpainter;
import io.flowpack.anonymizer.mask.MaskMode;
import io.flowpack.anonymizer.mask.MaskSettings;
import io.flowpack.anonymizer.mask.PersonMask;
import io.flowpack.anonymizer.mask.PersonMaskBuilder;
import io.flowpack.anonymizer.mask.SelfieSegmenter;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.step.StepException;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Detect → mask → policy → fill, on one decoded picture. Between pictures it keeps only loaded models: the bundled
 * ones in the sessions, YOLO models given by path in {@link YoloModels}.
 */
final class PeopleRemover implements AutoCloseable {
    private final ModelRegistry models;
    private final ModelSessions sessions;
    private final YoloModels yoloModels = new YoloModels();

    PeopleRemover(ModelRegistry models, ModelSessions sessions) {
        this.models = models;
        this.sessions = sessions;
    }

    /**
     * @param rgb      the picture, TYPE_INT_RGB
     * @param supplied a review mask (white = remove) or null
     * @throws StepException when people cover more than allowed and the policy is to fail
     */
    Removal remove(BufferedImage rgb, BufferedImage supplied, AnonymizeParams params, String name,
                   InpaintProgress progress) throws StepException {
        long t0 = System.nanoTime();
        List<PersonBox> people = detect(rgb, params);
        long t1 = System.nanoTime();
        PersonMaskBuilder builder = new PersonMaskBuilder(new SelfieSegmenter(models, sessions), new MaskSettings(
                MaskSettings.DEFAULT_CROP_MARGIN, MaskSettings.DEFAULT_THRESHOLD, MaskSettings.DEFAULT_MIN_COVERAGE,
                params.dilate(), params.feather()));
        PersonMask mask = supplied == null ? builder.build(rgb, people)
                : builder.build(rgb, people, supplied, MaskMode.valueOf(params.maskMode().name()));
        long t2 = System.nanoTime();
        if (mask.isEmpty()) {
            return new Removal(rgb, people, mask, "none", Map.of(), false, ms(t0, t1), ms(t1, t2), 0);
        }
        float[] weights = weights(mask);
        double share = mask.areaPercent();
        if (share > params.maxPersonShare()) {
            if (params.overShare() == AnonymizeParams.OverShare.FAIL) {
                throw new StepException(String.format(Locale.ROOT, "people cover %.1f %% of '%s', over the limit of"
                        + " %.0f %% (maxPersonShare): inpainting would invent most of the picture; set overShare=blur"
                        + " to blur them instead", share, name, params.maxPersonShare()));
            }
            BufferedImage blurred = MaskBlur.apply(rgb, weights);
            return new Removal(blurred, people, mask, "blur", Map.of("reason", "people cover more than "
                    + params.maxPersonShare() + " %"), false, ms(t0, t1), ms(t1, t2), ms(t2, System.nanoTime()));
        }
        Inpainter inpainter = inpainter(params);
        BufferedImage filled = inpainter.inpaint(rgb, weights, progress);
        return new Removal(filled, people, mask, inpainter.name(), inpainter.parameters(),
                params.inpainter() == AnonymizeParams.InpainterChoice.ONNX, ms(t0, t1), ms(t1, t2),
                ms(t2, System.nanoTime()));
    }

    private List<PersonBox> detect(BufferedImage rgb, AnonymizeParams params) {
        DetectionSettings settings = new DetectionSettings(params.minScore(), params.minSize(),
                DetectionSettings.DEFAULT_TILE_SIZE, DetectionSettings.DEFAULT_TILE_OVERLAP,
                DetectionSettings.DEFAULT_IOU_THRESHOLD);
        if (params.detectorModel() == null || params.detectorModel().isBlank()) {
            return detector(settings).detect(rgb);
        }
        return yoloModels.with(models.allowedPath(params.detectorModel()),
                model -> new YoloPersonDetector(model, 0, settings).detect(rgb));
    }

    @Override
    public void close() {
        yoloModels.close();
    }

    private PersonDetector detector(DetectionSettings settings) {
        return new NanoDetPersonDetector(models, sessions, settings);
    }

    private Inpainter inpainter(AnonymizeParams params) throws StepException {
        if (params.inpainter() == AnonymizeParams.InpainterChoice.PATCHMATCH) {
            return new PatchMatchInpainter();
        }
        if (params.inpaintModel() == null || params.inpaintModel().isBlank()) {
            throw new StepException("inpainter=onnx needs inpaintModel: the name or path of a LaMa/MI-GAN-style model"
                    + " with its manifest (image and mask in, image out)");
        }
        ImageToImageModel model = new ImageToImageModel(sessions.get(models.resolve(params.inpaintModel())));
        return new OnnxInpainter(model, OnnxInpainter.DEFAULT_CONTEXT);
    }

    private static float[] weights(PersonMask mask) {
        byte[] alpha = mask.alpha();
        float[] weights = new float[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            weights[i] = (alpha[i] & 0xFF) / 255f;
        }
        return weights;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
