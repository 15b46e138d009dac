package io.flowpack.anonymizer.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The marker segments of a JPEG before its scan data (SOS): where the metadata lives. */
final class JpegSegments {
    static final int APP0 = 0xE0;
    static final int APP1 = 0xE1;
    static final int APP2 = 0xE2;
    static final int APP13 = 0xED;
    static final int APP14 = 0xEE;
    static final int COM = 0xFE;
    static final int SOS = 0xDA;
    static final String EXIF_ID = "Exif\0\0";
    static final String XMP_ID = "http://ns.adobe.com/xap/1.0/\0";
    static final String XMP_EXTENSION_ID = "http://ns.adobe.com/xmp/extension/\0";

    /** One segment: its marker byte, where its FF marker starts, and its payload after the length field. */
    record Segment(int marker, int start, int payload, int length) {
        int end() {
            return payload + length;
        }

        boolean startsWith(byte[] jpeg, String id) {
            byte[] magic = id.getBytes(StandardCharsets.ISO_8859_1);
            if (length < magic.length) {
                return false;
            }
            for (int i = 0; i < magic.length; i++) {
                if (jpeg[payload + i] != magic[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private JpegSegments() {
    }

    /** The segments from after SOI up to and including SOS; stops quietly at the first malformed marker. */
    static List<Segment> read(byte[] jpeg) {
        List<Segment> segments = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int start = at;
            while (at < jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
                at++;                                            // fill bytes
            }
            if (at + 3 > jpeg.length) {
                break;
            }
            int marker = jpeg[at] & 0xFF;
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at++;                                            // standalone markers carry no length
                continue;
            }
            int length = ((jpeg[at + 1] & 0xFF) << 8 | (jpeg[at + 2] & 0xFF)) - 2;
            if (length < 0 || at + 3 + length > jpeg.length) {
                break;
            }
            segments.add(new Segment(marker, start, at + 3, length));
            if (marker == SOS || marker == 0xD9) {
                break;
            }
            at += 3 + length;
        }
        return segments;
    }
}
