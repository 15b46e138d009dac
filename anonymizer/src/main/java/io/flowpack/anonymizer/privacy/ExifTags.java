package io.flowpack.anonymizer.privacy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Names and privacy categories of the EXIF/TIFF tags flowpack knows; unknown tags are named {@code Tag0x1234}. */
final class ExifTags {
    static final int EXIF_IFD = 0x8769;
    static final int GPS_IFD = 0x8825;
    static final int INTEROP_IFD = 0xA005;
    static final int SUB_IFDS = 0x014A;
    static final int ORIENTATION = 0x0112;
    static final int MAKER_NOTE = 0x927C;
    static final int XMP = 0x02BC;
    static final int IPTC = 0x83BB;
    static final int PHOTOSHOP = 0x8649;
    static final int ICC_PROFILE = 0x8773;
    static final int THUMBNAIL_OFFSET = 0x0201;
    static final int STRIP_OFFSETS = 0x0111;

    /** Tags that describe a TIFF file's pixels, not metadata: never listed, never copied. */
    static final Set<Integer> STRUCTURAL = Set.of(0x00FE, 0x00FF, 0x0100, 0x0101, 0x0102, 0x0103, 0x0106, 0x0107,
            0x010A, 0x0111, 0x0115, 0x0116, 0x0117, 0x0118, 0x0119, 0x011C, 0x0122, 0x0123, 0x0124, 0x0125,
            0x013D, 0x0140, 0x0142, 0x0143, 0x0144, 0x0145, 0x0152, 0x0153, 0x0154, 0x0155, 0x015B,
            0x0200, 0x0201, 0x0202, 0x0211, 0x0212, 0x0214, 0x013E, 0x013F,
            EXIF_IFD, GPS_IFD, INTEROP_IFD, SUB_IFDS, 0xA002, 0xA003);

    private static final Map<Integer, String> MAIN = new HashMap<>();
    private static final Map<Integer, String> GPS = new HashMap<>();
    private static final Map<Integer, PrivacyCategory> CATEGORY = new HashMap<>();

    static {
        main(0x010E, "ImageDescription", PrivacyCategory.FREE_TEXT);
        main(0x010F, "Make", PrivacyCategory.OTHER);
        main(0x0110, "Model", PrivacyCategory.OTHER);
        main(0x0112, "Orientation", PrivacyCategory.OTHER);
        main(0x011A, "XResolution", PrivacyCategory.OTHER);
        main(0x011B, "YResolution", PrivacyCategory.OTHER);
        main(0x0128, "ResolutionUnit", PrivacyCategory.OTHER);
        main(0x0131, "Software", PrivacyCategory.OTHER);
        main(0x0132, "DateTime", PrivacyCategory.OTHER);
        main(0x013B, "Artist", PrivacyCategory.PERSON);
        main(0x013C, "HostComputer", PrivacyCategory.DEVICE_IDENTITY);
        main(0x0213, "YCbCrPositioning", PrivacyCategory.OTHER);
        main(0x02BC, "XMP", PrivacyCategory.OTHER);
        main(0x8298, "Copyright", PrivacyCategory.PERSON);
        main(0x83BB, "IPTC-NAA", PrivacyCategory.OTHER);
        main(0x8649, "PhotoshopSettings", PrivacyCategory.OTHER);
        main(0x8773, "ICCProfile", PrivacyCategory.OTHER);
        main(0x9C9B, "XPTitle", PrivacyCategory.FREE_TEXT);
        main(0x9C9C, "XPComment", PrivacyCategory.FREE_TEXT);
        main(0x9C9D, "XPAuthor", PrivacyCategory.PERSON);
        main(0x9C9E, "XPKeywords", PrivacyCategory.FREE_TEXT);
        main(0x9C9F, "XPSubject", PrivacyCategory.FREE_TEXT);
        main(0xC4A5, "PrintIM", PrivacyCategory.OTHER);
        main(0xC62F, "CameraSerialNumber", PrivacyCategory.DEVICE_IDENTITY);
        main(0x829A, "ExposureTime", PrivacyCategory.OTHER);
        main(0x829D, "FNumber", PrivacyCategory.OTHER);
        main(0x8822, "ExposureProgram", PrivacyCategory.OTHER);
        main(0x8827, "ISOSpeedRatings", PrivacyCategory.OTHER);
        main(0x9000, "ExifVersion", PrivacyCategory.OTHER);
        main(0x9003, "DateTimeOriginal", PrivacyCategory.OTHER);
        main(0x9004, "DateTimeDigitized", PrivacyCategory.OTHER);
        main(0x9010, "OffsetTime", PrivacyCategory.OTHER);
        main(0x9011, "OffsetTimeOriginal", PrivacyCategory.OTHER);
        main(0x9101, "ComponentsConfiguration", PrivacyCategory.OTHER);
        main(0x9201, "ShutterSpeedValue", PrivacyCategory.OTHER);
        main(0x9202, "ApertureValue", PrivacyCategory.OTHER);
        main(0x9204, "ExposureBiasValue", PrivacyCategory.OTHER);
        main(0x9207, "MeteringMode", PrivacyCategory.OTHER);
        main(0x9209, "Flash", PrivacyCategory.OTHER);
        main(0x920A, "FocalLength", PrivacyCategory.OTHER);
        main(MAKER_NOTE, "MakerNote", PrivacyCategory.DEVICE_IDENTITY);
        main(0x9286, "UserComment", PrivacyCategory.FREE_TEXT);
        main(0x9290, "SubSecTime", PrivacyCategory.OTHER);
        main(0x9291, "SubSecTimeOriginal", PrivacyCategory.OTHER);
        main(0xA000, "FlashpixVersion", PrivacyCategory.OTHER);
        main(0xA001, "ColorSpace", PrivacyCategory.OTHER);
        main(0xA002, "PixelXDimension", PrivacyCategory.OTHER);
        main(0xA003, "PixelYDimension", PrivacyCategory.OTHER);
        main(0xA402, "ExposureMode", PrivacyCategory.OTHER);
        main(0xA403, "WhiteBalance", PrivacyCategory.OTHER);
        main(0xA405, "FocalLengthIn35mmFilm", PrivacyCategory.OTHER);
        main(0xA406, "SceneCaptureType", PrivacyCategory.OTHER);
        main(0xA420, "ImageUniqueID", PrivacyCategory.DEVICE_IDENTITY);
        main(0xA430, "CameraOwnerName", PrivacyCategory.PERSON);
        main(0xA431, "BodySerialNumber", PrivacyCategory.DEVICE_IDENTITY);
        main(0xA432, "LensSpecification", PrivacyCategory.OTHER);
        main(0xA433, "LensMake", PrivacyCategory.OTHER);
        main(0xA434, "LensModel", PrivacyCategory.OTHER);
        main(0xA435, "LensSerialNumber", PrivacyCategory.DEVICE_IDENTITY);
        String[] gps = {"GPSVersionID", "GPSLatitudeRef", "GPSLatitude", "GPSLongitudeRef", "GPSLongitude",
            "GPSAltitudeRef", "GPSAltitude", "GPSTimeStamp", "GPSSatellites", "GPSStatus", "GPSMeasureMode", "GPSDOP",
            "GPSSpeedRef", "GPSSpeed", "GPSTrackRef", "GPSTrack", "GPSImgDirectionRef", "GPSImgDirection",
            "GPSMapDatum", "GPSDestLatitudeRef", "GPSDestLatitude", "GPSDestLongitudeRef", "GPSDestLongitude",
            "GPSDestBearingRef", "GPSDestBearing", "GPSDestDistanceRef", "GPSDestDistance", "GPSProcessingMethod",
            "GPSAreaInformation", "GPSDateStamp", "GPSDifferential", "GPSHPositioningError"};
        for (int tag = 0; tag < gps.length; tag++) {
            GPS.put(tag, gps[tag]);
        }
    }

    private ExifTags() {
    }

    private static void main(int tag, String name, PrivacyCategory category) {
        MAIN.put(tag, name);
        CATEGORY.put(tag, category);
    }

    /** The tag's name in the given IFD ({@code GPS} has its own numbering). */
    static String name(String ifd, int tag) {
        String name = "GPS".equals(ifd) ? GPS.get(tag) : MAIN.get(tag);
        return name != null ? name : String.format(Locale.ROOT, "Tag0x%04X", tag);
    }

    static PrivacyCategory category(String ifd, int tag) {
        if ("GPS".equals(ifd)) {
            return PrivacyCategory.LOCATION;
        }
        return CATEGORY.getOrDefault(tag, PrivacyCategory.OTHER);
    }
}
