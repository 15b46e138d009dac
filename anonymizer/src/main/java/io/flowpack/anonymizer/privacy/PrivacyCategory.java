package io.flowpack.anonymizer.privacy;

/** Why a metadata field matters for privacy; {@link #OTHER} fields are dropped too, they just reveal less. */
public enum PrivacyCategory {
    /** GPS coordinates, place names. */
    LOCATION,
    /** Maker notes, camera and lens serial numbers, unique image ids: they tie a photo to a device. */
    DEVICE_IDENTITY,
    /** Names of photographers, owners, people shown, contacts. */
    PERSON,
    /** Thumbnails and previews: they still show the people removed from the main picture. */
    EMBEDDED_IMAGE,
    /** Free text that may name anyone: comments, descriptions, keywords. */
    FREE_TEXT,
    /** Camera settings, dates, software and the like. */
    OTHER;

    public boolean privacyRelevant() {
        return this != OTHER;
    }
}
