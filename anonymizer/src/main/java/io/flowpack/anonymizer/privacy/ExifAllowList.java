package io.flowpack.anonymizer.privacy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The EXIF fields a user chose to keep, by tag name ({@code keep=Copyright,DateTimeOriginal}, case ignored).
 * Fields that describe the original file rather than the picture are never copied, even when named:
 * Orientation (the decoder already turned the pixels), the maker note (its offsets point into the old file),
 * embedded XMP/IPTC/Photoshop/ICC blocks and the image structure tags.
 */
public record ExifAllowList(Set<String> names) {
    private static final Set<Integer> NEVER_COPIED = Set.of(ExifTags.ORIENTATION, ExifTags.MAKER_NOTE, ExifTags.XMP,
            ExifTags.IPTC, ExifTags.PHOTOSHOP, ExifTags.ICC_PROFILE);

    public static final ExifAllowList NONE = new ExifAllowList(Set.of());

    public ExifAllowList {
        names = names.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Parses a comma-separated list of EXIF tag names; null or blank keeps nothing. */
    public static ExifAllowList parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return NONE;
        }
        return new ExifAllowList(Set.copyOf(Arrays.asList(commaSeparated.split(","))));
    }

    /** The input's EXIF entries to write into the output. */
    public List<ExifEntry> select(InputMetadata input) {
        return input.exifEntries().stream()
                .filter(e -> names.contains(e.name().toLowerCase(Locale.ROOT)))
                .filter(e -> "GPS".equals(e.ifd()) || !NEVER_COPIED.contains(e.tag()) && !ExifTags.STRUCTURAL.contains(e.tag()))
                .toList();
    }
}
