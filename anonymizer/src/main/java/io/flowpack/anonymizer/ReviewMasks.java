package io.flowpack.anonymizer;

import io.flowpack.document.MediaTypes;
import io.flowpack.document.Part;

import java.util.List;
import java.util.Optional;

/**
 * Review masks supplied with a document: a part named {@code <name>.mask.<ext>} (white = remove) belongs to the
 * picture {@code <name>.*}; a document with one picture and one mask pairs them whatever their names.
 */
final class ReviewMasks {

    private ReviewMasks() {
    }

    static boolean isMask(Part part) {
        return part.name() != null && part.name().toLowerCase(java.util.Locale.ROOT).matches(".*\\.mask\\.[a-z]+");
    }

    static Optional<Part> find(Part picture, List<Part> inputs) {
        List<Part> masks = inputs.stream().filter(ReviewMasks::isMask).toList();
        String base = MediaTypes.baseName(picture.name());
        Optional<Part> named = masks.stream().filter(m -> MediaTypes.baseName(MediaTypes.baseName(m.name())).equals(base))
                .findFirst();
        if (named.isPresent()) {
            return named;
        }
        long pictures = inputs.stream().filter(p -> !isMask(p)).count();
        return pictures == 1 && masks.size() == 1 ? Optional.of(masks.get(0)) : Optional.empty();
    }
}
