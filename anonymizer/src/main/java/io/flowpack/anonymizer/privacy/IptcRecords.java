package io.flowpack.anonymizer.privacy;

import java.util.Map;

/** Lists the datasets of an IPTC IIM block (records of {@code 0x1C record dataset length data}). */
final class IptcRecords {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x0200, "ApplicationRecordVersion"), Map.entry(0x0205, "ObjectName"),
            Map.entry(0x0219, "Keywords"), Map.entry(0x0237, "DateCreated"), Map.entry(0x023C, "TimeCreated"),
            Map.entry(0x0250, "By-line"), Map.entry(0x0255, "By-lineTitle"), Map.entry(0x025A, "City"),
            Map.entry(0x025C, "Sub-location"), Map.entry(0x025F, "Province-State"),
            Map.entry(0x0264, "Country-PrimaryLocationCode"), Map.entry(0x0265, "Country-PrimaryLocationName"),
            Map.entry(0x0269, "Headline"), Map.entry(0x026E, "Credit"), Map.entry(0x0273, "Source"),
            Map.entry(0x0274, "CopyrightNotice"), Map.entry(0x0276, "Contact"), Map.entry(0x0278, "Caption-Abstract"),
            Map.entry(0x027A, "Writer-Editor"));
    private static final Map<String, PrivacyCategory> CATEGORIES = Map.ofEntries(
            Map.entry("By-line", PrivacyCategory.PERSON), Map.entry("By-lineTitle", PrivacyCategory.PERSON),
            Map.entry("Credit", PrivacyCategory.PERSON), Map.entry("Source", PrivacyCategory.PERSON),
            Map.entry("CopyrightNotice", PrivacyCategory.PERSON), Map.entry("Contact", PrivacyCategory.PERSON),
            Map.entry("Writer-Editor", PrivacyCategory.PERSON), Map.entry("City", PrivacyCategory.LOCATION),
            Map.entry("Sub-location", PrivacyCategory.LOCATION), Map.entry("Province-State", PrivacyCategory.LOCATION),
            Map.entry("Country-PrimaryLocationCode", PrivacyCategory.LOCATION),
            Map.entry("Country-PrimaryLocationName", PrivacyCategory.LOCATION),
            Map.entry("Keywords", PrivacyCategory.FREE_TEXT), Map.entry("Headline", PrivacyCategory.FREE_TEXT),
            Map.entry("Caption-Abstract", PrivacyCategory.FREE_TEXT), Map.entry("ObjectName", PrivacyCategory.FREE_TEXT));

    private IptcRecords() {
    }

    static void collect(byte[] data, int offset, int length, MetadataCollector out) {
        int at = offset;
        int end = Math.min(data.length, offset + length);
        while (at + 5 <= end && data[at] == 0x1C) {
            int key = (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF);
            int size = (data[at + 3] & 0xFF) << 8 | (data[at + 4] & 0xFF);
            if ((size & 0x8000) != 0) {
                return;                                      // extended datasets: not used for text fields
            }
            String name = NAMES.getOrDefault(key, String.format("%d:%d", key >> 8, key & 0xFF));
            out.field("IPTC", name, CATEGORIES.getOrDefault(name, PrivacyCategory.OTHER));
            at += 5 + size;
        }
    }
}
