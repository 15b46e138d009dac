package io.flowpack.anonymizer.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowpack.imaging.ImageFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivacyScrubTest {
    /** What the disclosure XMP itself contains. */
    private static final Set<String> DISCLOSURE_FIELDS = Set.of("XMP:Iptc4xmpExt:DigitalSourceType",
            "XMP:xmp:CreatorTool", "XMP:dc:description", "XMP:xmpMM:History");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "with-everything.jpg, JPEG, 'Copyright,DateTimeOriginal'",
        "with-exif-xmp.png,   PNG,  'Copyright'",
        "with-gps.tif,        TIFF, 'Copyright,GPSLatitudeRef,GPSLatitude'"})
    void outputKeepsOnlyTheAllowListAndTheDisclosure(String fixture, ImageFormat format, String keep) throws Exception {
        byte[] original = PrivacyFixtures.bytes(fixture);
        InputMetadata input = PrivacyMetadataReader.read(original);
        byte[] encoded = PrivacyFixtures.encode(PrivacyFixtures.decode(original, dir), format);
        ExifAllowList allowList = ExifAllowList.parse(keep);
        Disclosure disclosure = Disclosure.peopleRemoved("patchmatch", false, List.of("nanodet-person"));

        ScrubResult result = PrivacyScrub.apply(encoded, format, input, allowList, disclosure);
        InputMetadata output = PrivacyMetadataReader.read(result.bytes());

        List<String> kept = allowList.select(input).stream().map(e -> e.ifd() + ":" + e.name()).toList();
        assertThat(kept).as("the fixture has the allowed fields").hasSize(keep.split(",").length);
        List<String> encoderOwn = PrivacyMetadataReader.read(encoded).fields().stream()
                .map(MetadataField::qualifiedName).toList();          // the TIFF writer's Software and Orientation=1
        assertThat(encoderOwn).allMatch(name -> name.equals("IFD0:Software") || name.equals("IFD0:Orientation"));
        assertThat(output.fields()).extracting(MetadataField::qualifiedName)
                .containsExactlyInAnyOrderElementsOf(concat(concat(kept, DISCLOSURE_FIELDS), Set.copyOf(encoderOwn)));
        assertThat(output.exifEntries()).filteredOn(e -> e.name().equals("Orientation"))
                .allMatch(e -> e.value()[e.value().length - 1] == 1);
        assertThat(output.exifEntries()).filteredOn(e -> !encoderOwn.contains(e.ifd() + ":" + e.name()))
                .containsExactlyInAnyOrderElementsOf(allowList.select(input));
        assertThat(output.hasCategory(PrivacyCategory.EMBEDDED_IMAGE)).isFalse();
        assertThat(output.digitalSourceType())
                .contains("http://cv.iptc.org/newscodes/digitalsourcetype/compositeSynthetic");
        assertThat(result.removedFields()).contains("GPS:GPSLongitude", "IFD0:Artist").doesNotContainAnyElementsOf(kept);
        assertThat(result.keptFields()).containsExactlyInAnyOrderElementsOf(kept);

        BufferedImage written = PrivacyFixtures.decode(encoded, dir);
        BufferedImage scrubbed = PrivacyFixtures.decode(result.bytes(), dir);
        assertThat(PrivacyFixtures.pixels(scrubbed)).isEqualTo(PrivacyFixtures.pixels(written));
    }

    @Test
    void pngChunksCarryValidCrcsAndTheXmpComesBeforeTheImageData() throws Exception {
        byte[] original = PrivacyFixtures.bytes(PrivacyFixtures.PNG);
        byte[] encoded = PrivacyFixtures.encode(PrivacyFixtures.decode(original, dir), ImageFormat.PNG);
        ScrubResult result = PrivacyScrub.apply(encoded, ImageFormat.PNG, PrivacyMetadataReader.read(original),
                ExifAllowList.parse("Copyright"), Disclosure.peopleRemoved("onnx:lama", true, List.of()));

        List<PngChunks.Chunk> chunks = PngChunks.read(result.bytes());
        assertThat(chunks).allMatch(chunk -> PngChunks.crcValid(result.bytes(), chunk));
        assertThat(chunks).extracting(PngChunks.Chunk::type).containsSubsequence("IHDR", "eXIf", "iTXt", "IDAT", "IEND");
        assertThat(PrivacyMetadataReader.read(result.bytes()).digitalSourceType())
                .contains("http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia");
    }

    @Test
    void withNoPersonFoundNoContentClaimIsMadeButTheInputsOwnTermIsCarried() throws Exception {
        byte[] original = PrivacyFixtures.bytes(PrivacyFixtures.JPEG);
        byte[] encoded = PrivacyFixtures.encode(PrivacyFixtures.decode(original, dir), ImageFormat.JPEG);
        InputMetadata input = PrivacyMetadataReader.read(original);

        ScrubResult plain = PrivacyScrub.apply(encoded, ImageFormat.JPEG, input, ExifAllowList.NONE,
                Disclosure.metadataOnly(input.digitalSourceType()));
        InputMetadata output = PrivacyMetadataReader.read(plain.bytes());
        assertThat(output.digitalSourceType()).isEmpty();
        assertThat(output.fields()).extracting(MetadataField::qualifiedName)
                .containsExactlyInAnyOrder("XMP:xmp:CreatorTool", "XMP:dc:description", "XMP:xmpMM:History");

        String camera = "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture";
        ScrubResult carried = PrivacyScrub.apply(encoded, ImageFormat.JPEG, input, ExifAllowList.NONE,
                Disclosure.metadataOnly(Optional.of(camera)));
        assertThat(PrivacyMetadataReader.read(carried.bytes()).digitalSourceType()).contains(camera);
        assertThat(Disclosure.metadataOnly(Optional.of("made up <b>")).digitalSourceType()).isEmpty();
    }

    @Test
    void orientationAndMakerNoteAreNeverCopiedEvenWhenAllowed() throws Exception {
        InputMetadata input = PrivacyMetadataReader.read(PrivacyFixtures.bytes(PrivacyFixtures.JPEG));

        assertThat(ExifAllowList.parse("Orientation, MakerNote ,copyright").select(input))
                .extracting(ExifEntry::name).containsExactly("Copyright");
    }

    private static List<String> concat(List<String> a, java.util.Collection<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
