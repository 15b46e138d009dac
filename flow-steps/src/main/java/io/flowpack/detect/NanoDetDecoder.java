package io.flowpack.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the raw outputs of a NanoDet detector (the GFL head of NanoDet 0.x, as in the bundled {@code nanodet}
 * model) into boxes. Per stride level the model scores each grid cell: one sigmoid probability per class, and
 * for each side (left, top, right, bottom) a distribution over {@code 0..regMax} stride units whose expectation
 * is the distance from the cell's centre {@code ((x + ½)·stride, (y + ½)·stride)} to that side of the box.
 * Candidates above the score threshold are thinned per class by non-maximum suppression.
 */
public final class NanoDetDecoder {
    private final int inputWidth;
    private final int inputHeight;
    private final int[] strides;
    private final int classes;
    private final int bins;

    /** One box in model input pixels; {@code classId} counts from 0 (COCO: 0 is person). */
    public record Detection(int classId, float score, float left, float top, float right, float bottom) {
        public float area() {
            return Math.max(0, right - left) * Math.max(0, bottom - top);
        }

        public float iou(Detection other) {
            float w = Math.min(right, other.right) - Math.max(left, other.left);
            float h = Math.min(bottom, other.bottom) - Math.max(top, other.top);
            if (w <= 0 || h <= 0) {
                return 0;
            }
            float intersection = w * h;
            return intersection / (area() + other.area() - intersection);
        }
    }

    /**
     * @param strides the stride of each output level, in the order the outputs are passed to {@link #decode}
     * @param regMax  the largest distance bin; each side has {@code regMax + 1} bins
     */
    public NanoDetDecoder(int inputWidth, int inputHeight, int[] strides, int classes, int regMax) {
        this.inputWidth = inputWidth;
        this.inputHeight = inputHeight;
        this.strides = strides.clone();
        this.classes = classes;
        this.bins = regMax + 1;
    }

    /** The bundled model: NanoDet-g, 416×416 input, strides 8/16/32, 80 COCO classes, 11 bins per side. */
    public static NanoDetDecoder bundled() {
        return new NanoDetDecoder(416, 416, new int[]{8, 16, 32}, 80, 10);
    }

    /** The number of grid cells of level {@code level}: the length of its outputs divided by classes or 4·bins. */
    public int cells(int level) {
        return columns(level) * ceilDiv(inputHeight, strides[level]);
    }

    /**
     * @param scores       per level, {@code cells × classes} class probabilities (after sigmoid), row-major cells
     * @param distances    per level, {@code cells × 4 × bins} distance logits, sides in the order l, t, r, b
     * @param minScore     candidates below this score are dropped
     * @param iouThreshold a box overlapping a better one of its class by more than this is dropped
     * @return the detections, best first
     */
    public List<Detection> decode(float[][] scores, float[][] distances, float minScore, float iouThreshold) {
        if (scores.length != strides.length || distances.length != strides.length) {
            throw new IllegalArgumentException("expected outputs for " + strides.length + " levels, got "
                    + scores.length + " score and " + distances.length + " distance arrays");
        }
        List<Detection> candidates = new ArrayList<>();
        for (int level = 0; level < strides.length; level++) {
            int cells = cells(level);
            if (scores[level].length != cells * classes || distances[level].length != cells * 4 * bins) {
                throw new IllegalArgumentException("level " + level + " (stride " + strides[level] + ") needs "
                        + cells * classes + " scores and " + cells * 4 * bins + " distances, got "
                        + scores[level].length + " and " + distances[level].length);
            }
            collect(level, scores[level], distances[level], minScore, candidates);
        }
        return suppress(candidates, iouThreshold);
    }

    private void collect(int level, float[] scores, float[] distances, float minScore, List<Detection> out) {
        int stride = strides[level];
        int columns = columns(level);
        float[] side = new float[4];
        for (int cell = 0; cell < cells(level); cell++) {
            boolean decoded = false;
            for (int c = 0; c < classes; c++) {
                float score = scores[cell * classes + c];
                if (score < minScore) {
                    continue;
                }
                if (!decoded) {
                    for (int s = 0; s < 4; s++) {
                        side[s] = expectedBin(distances, (cell * 4 + s) * bins) * stride;
                    }
                    decoded = true;
                }
                float cx = (cell % columns + 0.5f) * stride;
                float cy = (cell / columns + 0.5f) * stride;
                out.add(new Detection(c, score, Math.max(cx - side[0], 0), Math.max(cy - side[1], 0),
                        Math.min(cx + side[2], inputWidth), Math.min(cy + side[3], inputHeight)));
            }
        }
    }

    /** The expectation of the softmax over {@code bins} logits starting at {@code offset}. */
    private float expectedBin(float[] logits, int offset) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < bins; i++) {
            max = Math.max(max, logits[offset + i]);
        }
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < bins; i++) {
            double p = Math.exp(logits[offset + i] - max);
            sum += p;
            weighted += p * i;
        }
        return (float) (weighted / sum);
    }

    private static List<Detection> suppress(List<Detection> candidates, float iouThreshold) {
        candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : candidates) {
            boolean overlaps = false;
            for (Detection better : kept) {
                if (better.classId() == candidate.classId() && better.iou(candidate) > iouThreshold) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    private int columns(int level) {
        return ceilDiv(inputWidth, strides[level]);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
