package io.flowpack.anonymizer.detect;

/**
 * A person found in an image: the box in image pixels (top-left corner and size), the detector's score, and the
 * model that found it (name and file sha256, for the audit record).
 */
public record PersonBox(double x, double y, double width, double height, double score, String model,
                        String modelSha256) {

    public double right() {
        return x + width;
    }

    public double bottom() {
        return y + height;
    }

    public double area() {
        return Math.max(0, width) * Math.max(0, height);
    }

    /** The area both boxes cover. */
    public double intersection(PersonBox other) {
        double w = Math.min(right(), other.right()) - Math.max(x, other.x);
        double h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /** Intersection over union. */
    public double iou(PersonBox other) {
        double intersection = intersection(other);
        return intersection == 0 ? 0 : intersection / (area() + other.area() - intersection);
    }

    /** The smallest box holding both, with the better score and the model of this box. */
    public PersonBox union(PersonBox other) {
        double left = Math.min(x, other.x);
        double top = Math.min(y, other.y);
        return new PersonBox(left, top, Math.max(right(), other.right()) - left,
                Math.max(bottom(), other.bottom()) - top, Math.max(score, other.score), model, modelSha256);
    }
}
