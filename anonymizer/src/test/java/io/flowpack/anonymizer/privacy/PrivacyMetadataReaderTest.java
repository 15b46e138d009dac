package io.flowpack.anonymizer.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrivacyMetadataReaderTest {

    @Test
    void findsEveryPrivacyFieldInTheJpeg() throws Exception {
        InputMetadata found = PrivacyMetadataReader.read(PrivacyFixtures.bytes(PrivacyFixtures.JPEG));

        assertThat(found.fields()).extracting(MetadataField::qualifiedName).contains(
                "GPS:GPSLatitude", "GPS:GPSLongitude", "ExifIFD:MakerNote", "ExifIFD:BodySerialNumber",
                "ExifIFD:LensSerialNumber", "ExifIFD:CameraOwnerName", "IFD0:Artist", "IFD0:Copyright",
                "IFD1:ThumbnailImage", "XMP:dc:creator", "XMP:Iptc4xmpExt:PersonInImage",
                "XMP:photoshop:AuthorsPosition", "IPTC:By-line", "IPTC:Contact");
        assertThat(found.privacyRelevant()).extracting(MetadataField::category)
                .contains(PrivacyCategory.LOCATION, PrivacyCategory.DEVICE_IDENTITY, PrivacyCategory.PERSON,
                        PrivacyCategory.EMBEDDED_IMAGE);
        ExifEntry serial = found.exifEntries().stream().filter(e -> e.name().equals("BodySerialNumber")).findFirst().orElseThrow();
        assertThat(new String(serial.value(), StandardCharsets.US_ASCII)).startsWith("SN-BODY-4711");
    }

    @Test
    void findsExifXmpAndTextInThePng() throws Exception {
        InputMetadata found = PrivacyMetadataReader.read(PrivacyFixtures.bytes(PrivacyFixtures.PNG));

        assertThat(found.fields()).extracting(MetadataField::qualifiedName).contains(
                "GPS:GPSLatitude", "IFD0:Artist", "ExifIFD:BodySerialNumber", "XMP:dc:creator",
                "XMP:Iptc4xmpExt:PersonInImage", "PNG:Author");
    }

    @Test
    void findsGpsAndArtistInTheTiffButNotItsImageStructure() throws Exception {
        InputMetadata found = PrivacyMetadataReader.read(PrivacyFixtures.bytes(PrivacyFixtures.TIFF));

        assertThat(found.fields()).extracting(MetadataField::qualifiedName)
                .contains("GPS:GPSLatitude", "GPS:GPSLongitudeRef", "IFD0:Artist", "IFD0:Copyright")
                .doesNotContain("IFD0:Tag0x0111", "IFD0:Tag0x0100");
    }

    @Test
    void malformedMetadataGivesWhatCouldBeReadInsteadOfFailing() throws Exception {
        byte[] jpeg = PrivacyFixtures.bytes(PrivacyFixtures.JPEG);
        byte[] cut = java.util.Arrays.copyOf(jpeg, 300);               // inside the EXIF segment
        InputMetadata found = PrivacyMetadataReader.read(cut);

        assertThat(found.fields()).isNotNull();
        assertThat(PrivacyMetadataReader.read(new byte[] {1, 2, 3}).fields()).isEmpty();
    }
}
