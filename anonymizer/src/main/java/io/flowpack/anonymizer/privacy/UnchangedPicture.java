package io.flowpack.anonymizer.privacy;

import io.flowpack.imaging.ImageFormat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scrubs a JPEG or PNG whose picture stays as it is (no person was found): the compressed picture data is copied
 * byte for byte, so the pixels are identical; every metadata segment or chunk is dropped except what displaying
 * the picture needs (JFIF without thumbnail, ICC profile, Adobe colour transform; PNG colour chunks), and the
 * Orientation tag, since these pixels were not turned. Then the allow-listed fields and the disclosure are added.
 */
public final class UnchangedPicture {
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "sBIT", "pHYs");

    private UnchangedPicture() {
    }

    /** The scrubbed file, or empty for a format whose data cannot be copied this way (TIFF, WebP, GIF, BMP). */
    public static Optional<ScrubResult> scrub(byte[] original, ImageFormat format, InputMetadata input,
                                              ExifAllowList keep, Disclosure disclosure) {
        byte[] stripped = switch (format) {
            case JPEG -> stripJpeg(original);
            case PNG -> stripPng(original);
            default -> null;
        };
        if (stripped == null) {
            return Optional.empty();
        }
        List<ExifEntry> kept = new ArrayList<>(keep.select(input));
        input.exifEntries().stream().filter(e -> e.tag() == ExifTags.ORIENTATION && "IFD0".equals(e.ifd()))
                .findFirst().ifPresent(kept::add);
        byte[] bytes = MetadataInserter.insert(stripped, format, XmpPacket.of(disclosure), ExifBlock.of(kept), kept);
        Set<String> keptNames = kept.stream().map(e -> e.ifd() + ":" + e.name()).collect(Collectors.toSet());
        List<String> removed = input.fields().stream().map(MetadataField::qualifiedName)
                .filter(name -> !keptNames.contains(name)).distinct().toList();
        return Optional.of(new ScrubResult(bytes, removed, keptNames.stream().sorted().toList(),
                disclosure.digitalSourceType()));
    }

    /** SOI, the segments a decoder needs, then the scan data up to the primary image's EOI (no MPF previews after it). */
    static byte[] stripJpeg(byte[] jpeg) {
        List<JpegSegments.Segment> segments = JpegSegments.read(jpeg);
        if (segments.isEmpty() || segments.get(segments.size() - 1).marker() != JpegSegments.SOS) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(0xFF);
        out.write(0xD8);
        for (JpegSegments.Segment segment : segments) {
            if (needed(jpeg, segment)) {
                if (segment.marker() == JpegSegments.APP0 && segment.startsWith(jpeg, "JFIF\0") && segment.length() > 14) {
                    writeJfifWithoutThumbnail(jpeg, segment, out);
                } else {
                    out.write(jpeg, segment.start(), segment.end() - segment.start());
                }
            }
        }
        JpegSegments.Segment sos = segments.get(segments.size() - 1);
        int end = endOfScanData(jpeg, sos.end());
        out.write(jpeg, sos.end(), end - sos.end());
        return out.toByteArray();
    }

    private static boolean needed(byte[] jpeg, JpegSegments.Segment segment) {
        int marker = segment.marker();
        if (marker == JpegSegments.APP0) {
            return segment.startsWith(jpeg, "JFIF\0");
        }
        if (marker == JpegSegments.APP2) {
            return segment.startsWith(jpeg, "ICC_PROFILE\0");
        }
        if (marker == JpegSegments.APP14) {
            return segment.startsWith(jpeg, "Adobe");
        }
        return marker != JpegSegments.COM && (marker < 0xE0 || marker > 0xEF);
    }

    /** JFIF APP0 as its first 14 payload bytes with the thumbnail size set to 0×0. */
    private static void writeJfifWithoutThumbnail(byte[] jpeg, JpegSegments.Segment segment, ByteArrayOutputStream out) {
        out.write(0xFF);
        out.write(JpegSegments.APP0);
        out.write(0);
        out.write(16);
        out.write(jpeg, segment.payload(), 12);
        out.write(0);
        out.write(0);
    }

    /** Just past the first EOI (FFD9) in the entropy-coded data; stuffed FF00 and restart markers are skipped. */
    private static int endOfScanData(byte[] jpeg, int from) {
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD9) {
                return i + 2;
            }
        }
        return jpeg.length;
    }

    static byte[] stripPng(byte[] png) {
        List<PngChunks.Chunk> chunks = PngChunks.read(png);
        if (chunks.isEmpty() || !chunks.get(chunks.size() - 1).type().equals("IEND")) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        for (PngChunks.Chunk chunk : chunks) {
            if (PNG_KEPT.contains(chunk.type())) {
                out.write(png, chunk.start(), 12 + chunk.length());
            }
        }
        return out.toByteArray();
    }
}
