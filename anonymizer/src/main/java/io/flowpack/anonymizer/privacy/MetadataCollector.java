package io.flowpack.anonymizer.privacy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Gathers what the format readers find while they walk one file. */
final class MetadataCollector {
    private final Set<MetadataField> fields = new LinkedHashSet<>();
    private final List<ExifEntry> exifEntries = new ArrayList<>();
    private String digitalSourceType;

    void field(String group, String name, PrivacyCategory category) {
        fields.add(new MetadataField(group, name, category));
    }

    void exif(ExifEntry entry) {
        exifEntries.add(entry);
        field(entry.ifd(), entry.name(), ExifTags.category(entry.ifd(), entry.tag()));
    }

    void digitalSourceType(String term) {
        if (digitalSourceType == null) {
            digitalSourceType = term;
        }
    }

    InputMetadata result() {
        return new InputMetadata(List.copyOf(fields), exifEntries, Optional.ofNullable(digitalSourceType));
    }
}
