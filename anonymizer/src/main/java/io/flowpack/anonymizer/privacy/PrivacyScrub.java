package io.flowpack.anonymizer.privacy;

import io.flowpack.imaging.ImageFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Produces the output file of the anonymizer. {@code ImageEncoder} writes no metadata, so everything the input
 * carried is already gone from the encoded bytes; this adds back only the allow-listed EXIF fields and the
 * disclosure XMP, and reports what was removed. The decoder already applied the orientation and converted to sRGB,
 * so neither an Orientation tag nor an ICC profile is needed.
 */
public final class PrivacyScrub {

    private PrivacyScrub() {
    }

    /**
     * @param encoded    the picture as {@code ImageEncoder} wrote it (JPEG, PNG or TIFF)
     * @param input      what {@link PrivacyMetadataReader} found in the input file
     * @param keep       the EXIF fields to carry over
     * @param disclosure what to say about the change
     */
    public static ScrubResult apply(byte[] encoded, ImageFormat format, InputMetadata input, ExifAllowList keep,
                                    Disclosure disclosure) {
        List<ExifEntry> kept = keep.select(input);
        byte[] bytes = MetadataInserter.insert(encoded, format, XmpPacket.of(disclosure), ExifBlock.of(kept), kept);
        Set<String> keptNames = kept.stream().map(e -> e.ifd() + ":" + e.name()).collect(Collectors.toSet());
        List<String> removed = input.fields().stream().map(MetadataField::qualifiedName)
                .filter(name -> !keptNames.contains(name)).distinct().toList();
        return new ScrubResult(bytes, removed, keptNames.stream().sorted().toList(), disclosure.digitalSourceType());
    }
}
