package io.flowpack.anonymizer.detect;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A YOLOv8 / YOLO11 detection export loaded once: its session (thread-safe, shared by every picture), SHA-256 and
 * tensor layout, checked at load — input {@code [1, 3, H, W]} (H and W from the model, 640 when free), output
 * {@code [1, 4 + classes, N]}.
 */
public final class YoloModel implements AutoCloseable {
    public static final int DEFAULT_INPUT_SIZE = 640;

    private final OrtSession session;
    private final String name;
    private final String sha256;
    private final String input;
    private final int inputWidth;
    private final int inputHeight;
    private final int channels;

    private YoloModel(OrtSession session, String name, String sha256, String input, int inputWidth,
                      int inputHeight, int channels) {
        this.session = session;
        this.name = name;
        this.sha256 = sha256;
        this.input = input;
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.channels = channels;
    }

    /**
     * @throws IllegalArgumentException when the file is no ONNX model or its shapes are not a YOLO detector's
     * @throws UncheckedIOException     when it cannot be read
     */
    public static YoloModel load(Path model) {
        OrtSession session = null;
        try {
            byte[] bytes = Files.readAllBytes(model);
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            session = OrtEnvironment.getEnvironment().createSession(bytes, new OrtSession.SessionOptions());
            String input = session.getInputNames().iterator().next();
            long[] shape = ((TensorInfo) session.getInputInfo().get(input).getInfo()).getShape();
            if (shape.length != 4 || (shape[1] > 0 && shape[1] != 3)) {
                throw new IllegalArgumentException("YOLO model " + model + " has input shape " + Arrays.toString(shape)
                        + "; expected [1, 3, H, W]");
            }
            long[] outShape = ((TensorInfo) session.getOutputInfo().values().iterator().next().getInfo()).getShape();
            if (outShape.length != 3 || outShape[1] < 5) {
                throw new IllegalArgumentException("YOLO model " + model + " has output shape "
                        + Arrays.toString(outShape) + "; expected [1, 4 + classes, N]");
            }
            YoloModel loaded = new YoloModel(session, model.getFileName().toString(), sha256, input,
                    shape[3] > 0 ? (int) shape[3] : DEFAULT_INPUT_SIZE, shape[2] > 0 ? (int) shape[2] : DEFAULT_INPUT_SIZE,
                    (int) outShape[1]);
            session = null;
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read YOLO model " + model, e);
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot load YOLO model " + model + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            closeQuietly(session);
        }
    }

    /** The class count: output rows after the four box rows. */
    public int classes() {
        return channels - 4;
    }

    public String name() {
        return name;
    }

    public String sha256() {
        return sha256;
    }

    public int inputWidth() {
        return inputWidth;
    }

    public int inputHeight() {
        return inputHeight;
    }

    int channels() {
        return channels;
    }

    /** One letterboxed {@code [1, 3, H, W]} tensor in, the raw {@code [1, 4 + classes, N]} output out. */
    float[] run(float[] tensor) {
        return OrtRun.run(session, input, tensor, new long[]{1, 3, inputHeight, inputWidth}).values().iterator().next();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing YOLO model " + name + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException ignored) {
                // the load already failed; that error is the one to report
            }
        }
    }
}
