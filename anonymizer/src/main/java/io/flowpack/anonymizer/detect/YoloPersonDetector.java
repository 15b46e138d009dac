package io.flowpack.anonymizer.detect;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Any YOLOv8 / YOLO11 detection export (Ultralytics {@code format=onnx}) configured by path: one input
 * {@code [1, 3, H, W]} (RGB / 255, letterboxed; H and W read from the model, 640 when free) and one output
 * {@code [1, 4 + classes, N]}: per candidate the box centre and size in input pixels, then one score per class.
 * Person is class {@code personClass} (0 for COCO). Searches tiles like the default detector.
 */
public final class YoloPersonDetector implements PersonDetector, AutoCloseable {
    public static final int DEFAULT_INPUT_SIZE = 640;

    private final OrtSession session;
    private final String name;
    private final String sha256;
    private final String input;
    private final int inputWidth;
    private final int inputHeight;
    private final int personClass;
    private final int channels;
    private final DetectionSettings settings;

    public YoloPersonDetector(Path model, int personClass, DetectionSettings settings) {
        this.name = model.getFileName().toString();
        this.personClass = personClass;
        this.settings = settings;
        try {
            byte[] bytes = Files.readAllBytes(model);
            this.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            this.session = OrtEnvironment.getEnvironment().createSession(bytes, new OrtSession.SessionOptions());
            this.input = session.getInputNames().iterator().next();
            long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
            if (shape.length != 4 || (shape[1] > 0 && shape[1] != 3)) {
                throw new IllegalArgumentException("YOLO model " + model + " has input shape "
                        + java.util.Arrays.toString(shape) + "; expected [1, 3, H, W]");
            }
            this.inputHeight = shape[2] > 0 ? (int) shape[2] : DEFAULT_INPUT_SIZE;
            this.inputWidth = shape[3] > 0 ? (int) shape[3] : DEFAULT_INPUT_SIZE;
            long[] outShape = ((TensorInfo) session.getOutputInfo().values().iterator().next().getInfo()).getShape();
            if (outShape.length != 3 || outShape[1] < 5 + personClass) {
                throw new IllegalArgumentException("YOLO model " + model + " has output shape "
                        + java.util.Arrays.toString(outShape) + "; expected [1, 4 + classes, N] with class "
                        + personClass);
            }
            this.channels = (int) outShape[1];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YOLO model " + model, e);
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load YOLO model " + model + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int inputWidth() {
        return inputWidth;
    }

    public int inputHeight() {
        return inputHeight;
    }

    @Override
    public List<PersonBox> detect(BufferedImage image) {
        return TiledSearch.run(image, settings, this::detectRegion);
    }

    private List<PersonBox> detectRegion(int[] argb, int width, int height, Region region) {
        Letterbox box = Letterbox.fit(region.width(), region.height(), inputWidth, inputHeight);
        float[] tensor = new float[3 * inputWidth * inputHeight];
        RegionSampler.fill(tensor, Letterbox.PAD_LEVEL);
        RegionSampler.sample(argb, width, region, tensor, inputWidth, inputHeight, box.padX(), box.padY(),
                box.width(), box.height(), true);
        float[] out = OrtRun.run(session, input, tensor, new long[]{1, 3, inputHeight, inputWidth})
                .values().iterator().next();
        return decode(out, box, region);
    }

    /** Candidates above the threshold, back in image pixels, one per person after NMS. */
    private List<PersonBox> decode(float[] out, Letterbox box, Region region) {
        int candidates = out.length / channels;
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
                nms.add(new PersonBox(region.x() + left, region.y() + top, right - left, bottom - top, score, name,
                        sha256), false);
            }
        }
        return nms.merged();
    }

    private static double clamp(double v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing YOLO model " + name + ": " + e.getMessage(), e);
        }
    }
}
