package io.flowpack.anonymizer.detect;

import java.util.List;

/** One model pass: the people in one region of an image, boxes in image pixels. */
@FunctionalInterface
public interface RegionDetector {
    List<PersonBox> detect(int[] argb, int imageWidth, int imageHeight, Region region);
}
