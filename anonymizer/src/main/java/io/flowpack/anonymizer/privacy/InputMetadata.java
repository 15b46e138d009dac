package io.flowpack.anonymizer.privacy;

import java.util.List;
import java.util.Optional;

/**
 * What an input file carried besides its pixels.
 *
 * @param fields            every field found, in file order; values are not kept
 * @param exifEntries       the EXIF tags with their values, the only values kept: the allow-list copies from them
 * @param digitalSourceType the input's own IPTC DigitalSourceType term, if its XMP declared one
 */
public record InputMetadata(List<MetadataField> fields, List<ExifEntry> exifEntries, Optional<String> digitalSourceType) {

    public InputMetadata {
        fields = List.copyOf(fields);
        exifEntries = List.copyOf(exifEntries);
    }

    /** The fields that identify a place, a device or a person, or show the original picture. */
    public List<MetadataField> privacyRelevant() {
        return fields.stream().filter(f -> f.category().privacyRelevant()).toList();
    }

    /** Whether a field of this name was found, by plain ({@code GPSLatitude}) or qualified ({@code GPS:GPSLatitude}) name. */
    public boolean has(String name) {
        return fields.stream().anyMatch(f -> f.name().equalsIgnoreCase(name) || f.qualifiedName().equalsIgnoreCase(name));
    }

    public boolean hasCategory(PrivacyCategory category) {
        return fields.stream().anyMatch(f -> f.category() == category);
    }
}
