package io.flowpack.anonymizer.privacy;

import io.flowpack.imaging.ImageFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Lists the metadata an input JPEG, PNG or TIFF carries: EXIF (with its GPS IFD, maker note, serial numbers,
 * owner and artist names, and thumbnail), XMP, IPTC, Photoshop resources, JFIF thumbnails, MPF secondary images,
 * ICC profiles, comments and PNG text chunks. Other formats and unreadable metadata give what could be read;
 * reading never fails on malformed metadata.
 */
public final class PrivacyMetadataReader {
    private static final Set<String> PERSON_PNG_KEYWORDS = Set.of("author", "copyright", "artist", "owner", "source");

    private PrivacyMetadataReader() {
    }

    public static InputMetadata read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static InputMetadata read(byte[] file) {
        MetadataCollector out = new MetadataCollector();
        ImageFormat format = ImageFormat.detect(Arrays.copyOf(file, Math.min(file.length, 32))).orElse(null);
        if (format == ImageFormat.JPEG) {
            readJpeg(file, out);
        } else if (format == ImageFormat.PNG) {
            readPng(file, out);
        } else if (format == ImageFormat.TIFF) {
            TiffMetadataParser.parseTiffFile(file, out);
        }
        return out.result();
    }

    private static void readJpeg(byte[] jpeg, MetadataCollector out) {
        for (JpegSegments.Segment s : JpegSegments.read(jpeg)) {
            int marker = s.marker();
            if (marker == JpegSegments.APP0 && s.startsWith(jpeg, "JFIF\0")) {
                if (s.length() >= 14 && (jpeg[s.payload() + 12] & 0xFF) * (jpeg[s.payload() + 13] & 0xFF) > 0) {
                    out.field("JFIF", "ThumbnailImage", PrivacyCategory.EMBEDDED_IMAGE);
                }
            } else if (marker == JpegSegments.APP0 && s.startsWith(jpeg, "JFXX\0")) {
                out.field("JFXX", "ThumbnailImage", PrivacyCategory.EMBEDDED_IMAGE);
            } else if (marker == JpegSegments.APP1 && s.startsWith(jpeg, JpegSegments.EXIF_ID)) {
                TiffMetadataParser.parseExif(jpeg, s.payload() + 6, s.length() - 6, out);
            } else if (marker == JpegSegments.APP1 && s.startsWith(jpeg, JpegSegments.XMP_ID)) {
                int id = JpegSegments.XMP_ID.length();
                XmpProperties.collect(Arrays.copyOfRange(jpeg, s.payload() + id, s.end()), out);
            } else if (marker == JpegSegments.APP1 && s.startsWith(jpeg, JpegSegments.XMP_EXTENSION_ID)) {
                out.field("XMP", "ExtendedXMP", PrivacyCategory.FREE_TEXT);
            } else if (marker == JpegSegments.APP2 && s.startsWith(jpeg, "ICC_PROFILE\0")) {
                out.field("ICC", "ICCProfile", PrivacyCategory.OTHER);
            } else if (marker == JpegSegments.APP2 && s.startsWith(jpeg, "MPF\0")) {
                out.field("MPF", "SecondaryImages", PrivacyCategory.EMBEDDED_IMAGE);
            } else if (marker == JpegSegments.APP13 && s.startsWith(jpeg, "Photoshop 3.0\0")) {
                int id = "Photoshop 3.0\0".length();
                PhotoshopResources.collect(jpeg, s.payload() + id, s.length() - id, out);
            } else if (marker == JpegSegments.COM) {
                out.field("JPEG", "Comment", PrivacyCategory.FREE_TEXT);
            } else if (marker >= JpegSegments.APP0 && marker <= 0xEF && marker != JpegSegments.APP14) {
                out.field("JPEG", String.format("APP%d", marker - JpegSegments.APP0), PrivacyCategory.OTHER);
            }
        }
    }

    private static void readPng(byte[] png, MetadataCollector out) {
        for (PngChunks.Chunk chunk : PngChunks.read(png)) {
            switch (chunk.type()) {
                case "eXIf" -> TiffMetadataParser.parseExif(png, chunk.data(), chunk.length(), out);
                case "iCCP" -> out.field("ICC", "ICCProfile", PrivacyCategory.OTHER);
                case "tIME" -> out.field("PNG", "ModifyDate", PrivacyCategory.OTHER);
                case "tEXt", "zTXt", "iTXt" -> readPngText(chunk, png, out);
                default -> {
                }
            }
        }
    }

    private static void readPngText(PngChunks.Chunk chunk, byte[] png, MetadataCollector out) {
        PngTextChunk text = PngTextChunk.decode(chunk.type(), png, chunk.data(), chunk.length());
        if (text == null) {
            out.field("PNG", chunk.type(), PrivacyCategory.FREE_TEXT);
            return;
        }
        if (text.keyword().equals("XML:com.adobe.xmp")) {
            XmpProperties.collect(text.text(), out);
            return;
        }
        String profileType = text.rawProfileType();
        byte[] profile = profileType == null ? null : text.rawProfile();
        if (profile != null && (profileType.equals("exif") || profileType.equals("app1"))) {
            boolean prefixed = new String(profile, 0, Math.min(6, profile.length), StandardCharsets.ISO_8859_1)
                    .equals(JpegSegments.EXIF_ID);
            TiffMetadataParser.parseExif(profile, prefixed ? 6 : 0, profile.length - (prefixed ? 6 : 0), out);
        } else if (profile != null && profileType.equals("iptc")) {
            PhotoshopResources.collect(profile, 0, profile.length, out);
            IptcRecords.collect(profile, 0, profile.length, out);
        } else if (profile != null && profileType.equals("xmp")) {
            XmpProperties.collect(profile, out);
        } else {
            String keyword = text.keyword();
            boolean person = PERSON_PNG_KEYWORDS.contains(keyword.toLowerCase(java.util.Locale.ROOT));
            out.field("PNG", keyword, person ? PrivacyCategory.PERSON : PrivacyCategory.FREE_TEXT);
        }
    }
}
