package io.flowpack.anonymizer.privacy;

import java.util.List;
import java.util.Optional;

/**
 * A scrubbed output file and what the scrub did.
 *
 * @param bytes             the output file: the encoded picture plus the disclosure XMP and the kept EXIF fields
 * @param removedFields     qualified names of the input fields not carried over ({@code GPS:GPSLatitude}, …)
 * @param keptFields        qualified names of the allow-listed fields copied into the output
 * @param digitalSourceType the IPTC term written, if any
 */
public record ScrubResult(byte[] bytes, List<String> removedFields, List<String> keptFields,
                          Optional<String> digitalSourceType) {
}
