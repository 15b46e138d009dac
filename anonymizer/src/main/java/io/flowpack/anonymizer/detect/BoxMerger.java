package io.flowpack.anonymizer.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Joins the boxes found in the whole image and in its tiles into one box per person. A box overlapping a better
 * one by more than the IoU threshold is the same person. A box cut by a tile's inner edge shows part of a person:
 * when it lies mostly inside another box it is dropped when weaker, or grows the stronger box to their union.
 */
public final class BoxMerger {
    private static final double PART_OF = 0.5;

    private final double iouThreshold;
    private final List<PersonBox> boxes = new ArrayList<>();
    private final List<Boolean> cut = new ArrayList<>();

    public BoxMerger(double iouThreshold) {
        this.iouThreshold = iouThreshold;
    }

    /** Adds a box; {@code cutByTileEdge} when it touches an edge of its tile that is not an edge of the image. */
    public void add(PersonBox box, boolean cutByTileEdge) {
        boxes.add(box);
        cut.add(cutByTileEdge);
    }

    /** One box per person, best score first. */
    public List<PersonBox> merged() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> boxes.get(i).score()).reversed());
        List<PersonBox> kept = new ArrayList<>();
        List<Boolean> keptCut = new ArrayList<>();
        for (int i : order) {
            PersonBox candidate = boxes.get(i);
            boolean candidateCut = cut.get(i);
            boolean absorbed = false;
            for (int k = 0; k < kept.size() && !absorbed; k++) {
                PersonBox better = kept.get(k);
                if (better.iou(candidate) > iouThreshold) {
                    absorbed = true;
                } else if (candidateCut && inside(candidate, better)) {
                    absorbed = true; // a fragment of a person found whole
                } else if (keptCut.get(k) && inside(better, candidate)) {
                    kept.set(k, better.union(candidate));
                    keptCut.set(k, candidateCut);
                    absorbed = true;
                }
            }
            if (!absorbed) {
                kept.add(candidate);
                keptCut.add(candidateCut);
            }
        }
        kept.sort(Comparator.comparingDouble(PersonBox::score).reversed());
        return kept;
    }

    /** Whether most of {@code part} lies inside {@code whole}. */
    private static boolean inside(PersonBox part, PersonBox whole) {
        return part.area() > 0 && part.intersection(whole) / part.area() > PART_OF;
    }
}
