package io.flowpack.anonymizer.audit;

import io.flowpack.anonymizer.detect.PersonBox;
import java.util.List;
import java.util.Map;

/**
 * The anonymizer's record of what it changed in one picture, written as the JSON audit part.
 *
 * @param maskAreaPercent   share of the picture's pixels removed, 0..100 (soft edges count by their weight)
 * @param metadataRemoved   qualified names of the input's metadata fields not carried over ({@code GPS:GPSLatitude})
 * @param metadataKept      the allow-listed fields carried over
 * @param digitalSourceType the IPTC DigitalSourceType term written into the output, null when none was
 */
public record AnonymizationAudit(String input, int width, int height, List<Detection> detections,
                                 double maskAreaPercent, Inpainting inpainter, List<String> metadataRemoved,
                                 List<String> metadataKept, String digitalSourceType, PhaseTimings timings) {

    public AnonymizationAudit {
        detections = List.copyOf(detections);
        metadataRemoved = List.copyOf(metadataRemoved);
        metadataKept = List.copyOf(metadataKept);
    }

    /** A box in image pixels: top-left corner and size. */
    public record Box(double x, double y, double width, double height) {
    }

    /** One person found, and the model (with its file's sha256) that found it. */
    public record Detection(Box box, double score, String model, String modelSha256) {
        public static Detection of(PersonBox person) {
            return new Detection(new Box(person.x(), person.y(), person.width(), person.height()), person.score(),
                    person.model(), person.modelSha256());
        }

        public static List<Detection> of(List<PersonBox> people) {
            return people.stream().map(Detection::of).toList();
        }
    }

    /** The inpainter ({@code patchmatch}, {@code onnx}, …) and the parameters it ran with; none ran when no one was found. */
    public record Inpainting(String name, Map<String, Object> parameters) {
        public Inpainting {
            parameters = Map.copyOf(parameters);
        }
    }
}
