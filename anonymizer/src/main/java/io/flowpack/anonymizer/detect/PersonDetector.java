package io.flowpack.anonymizer.detect;

import java.awt.image.BufferedImage;
import java.util.List;

/** Finds the people in an image. Implementations are thread-safe. */
public interface PersonDetector {

    /**
     * @param image any image; converted to 8-bit sRGB first when it is not TYPE_INT_RGB/ARGB
     * @return the people found, best score first, boxes in the image's pixels
     */
    List<PersonBox> detect(BufferedImage image);
}
