package io.flowpack.anonymizer.privacy;

/**
 * One metadata field found in an input file; the value is deliberately not kept.
 *
 * @param group where it was found: {@code IFD0}, {@code ExifIFD}, {@code GPS}, {@code IFD1}, {@code XMP}, {@code IPTC},
 *              {@code JFIF}, {@code MPF}, {@code Photoshop}, {@code PNG}, {@code ICC}, {@code JPEG}
 * @param name  the field's usual name: {@code GPSLatitude}, {@code dc:creator}, {@code By-line}, {@code ThumbnailImage}
 */
public record MetadataField(String group, String name, PrivacyCategory category) {

    /** {@code group:name}, e.g. {@code GPS:GPSLatitude} or {@code XMP:dc:creator}. */
    public String qualifiedName() {
        return group + ":" + name;
    }
}
