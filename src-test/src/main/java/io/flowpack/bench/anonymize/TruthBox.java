package io.flowpack.bench.anonymize;

import io.flowpack.anonymizer.detect.PersonBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A ground-truth person box of a composite: the bounding box of the pasted alpha above 0.5. */
record TruthBox(int x, int y, int width, int height) {

    PersonBox asPersonBox() {
        return new PersonBox(x, y, width, height, 1, "truth", "");
    }

    double iou(PersonBox detected) {
        return asPersonBox().iou(detected);
    }

    String format() {
        return String.format(Locale.ROOT, "%d,%d,%d,%d", x, y, width, height);
    }

    /** Boxes written by {@link #format} joined with {@code ;}. */
    static List<TruthBox> parseAll(String text) {
        List<TruthBox> boxes = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] v = part.split(",");
            boxes.add(new TruthBox(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]),
                    Integer.parseInt(v[3])));
        }
        return boxes;
    }
}
