package io.flowpack.anonymizer.detect;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * Any YOLOv8 / YOLO11 detection export (Ultralytics {@code format=onnx}) configured by path: one input
 * {@code [1, 3, H, W]} (RGB / 255, letterboxed; H and W read from the model, 640 when free) and one output
 * {@code [1, 4 + classes, N]}: per candidate the box centre and size in input pixels, then one score per class.
 * Person is class {@code personClass} (0 for COCO). Searches tiles like the default detector.
 */
public final class YoloPersonDetector implements PersonDetector, AutoCloseable {
    public static final int DEFAULT_INPUT_SIZE = YoloModel.DEFAULT_INPUT_SIZE;

    private final YoloModel model;
    private final boolean owned;
    private final int personClass;
    private final DetectionSettings settings;

    /** Loads the model at {@code model}; {@link #close()} releases it. */
    public YoloPersonDetector(Path model, int personClass, DetectionSettings settings) {
        this(YoloModel.load(model), true, personClass, settings);
    }

    /** On a model loaded elsewhere (e.g. kept by {@link YoloModels}); {@link #close()} leaves it open. */
    public YoloPersonDetector(YoloModel model, int personClass, DetectionSettings settings) {
        this(model, false, personClass, settings);
    }

    private YoloPersonDetector(YoloModel model, boolean owned, int personClass, DetectionSettings settings) {
        if (model.classes() <= personClass) {
            if (owned) {
                model.close();
            }
            throw new IllegalArgumentException("YOLO model " + model.name() + " has " + model.classes()
                    + " classes; person class " + personClass + " is not among them");
        }
        this.model = model;
        this.owned = owned;
        this.personClass = personClass;
        this.settings = settings;
    }

    public int inputWidth() {
        return model.inputWidth();
    }

    public int inputHeight() {
        return model.inputHeight();
    }

    @Override
    public List<PersonBox> detect(BufferedImage image) {
        return TiledSearch.run(image, settings, this::detectRegion);
    }

    private List<PersonBox> detectRegion(int[] argb, int width, int height, Region region) {
        int inputWidth = model.inputWidth();
        int inputHeight = model.inputHeight();
        Letterbox box = Letterbox.fit(region.width(), region.height(), inputWidth, inputHeight);
        float[] tensor = new float[3 * inputWidth * inputHeight];
        RegionSampler.fill(tensor, Letterbox.PAD_LEVEL);
        RegionSampler.sample(argb, width, region, tensor, inputWidth, inputHeight, box.padX(), box.padY(),
                box.width(), box.height(), true);
        return decode(model.run(tensor), box, region);
    }

    /** Candidates above the threshold, back in image pixels, one per person after NMS. */
    private List<PersonBox> decode(float[] out, Letterbox box, Region region) {
        int candidates = out.length / model.channels();
        BoxMerger nms = new BoxMerger(settings.iouThreshold());
        int scoreRow = (4 + personClass) * candidates;
        for (int i = 0; i < candidates; i++) {
            float score = out[scoreRow + i];
            if (score < settings.scoreThreshold()) {
                continue;
            }
            double cx = out[i];
            double cy = out[candidates + i];
            double w = out[2 * candidates + i];
            double h = out[3 * candidates + i];
            double left = clamp(box.regionX(cx - w / 2), region.width());
            double top = clamp(box.regionY(cy - h / 2), region.height());
            double right = clamp(box.regionX(cx + w / 2), region.width());
            double bottom = clamp(box.regionY(cy + h / 2), region.height());
            if (right > left && bottom > top) {
                nms.add(new PersonBox(region.x() + left, region.y() + top, right - left, bottom - top, score,
                        model.name(), model.sha256()), false);
            }
        }
        return nms.merged();
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    @Override
    public void close() {
        if (owned) {
            model.close();
        }
    }
}
