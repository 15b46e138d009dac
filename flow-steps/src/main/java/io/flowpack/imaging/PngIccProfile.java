package io.flowpack.imaging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a PNG's embedded ICC profile (iCCP chunk), which the JDK's PNG reader ignores. */
final class PngIccProfile {
    private static final Logger log = LoggerFactory.getLogger(PngIccProfile.class);
    private static final int ICCP = 0x69434350;
    private static final int IDAT = 0x49444154;
    private static final int IEND = 0x49454E44;
    private static final int MAX_COMPRESSED = 4 << 20;
    private static final int MAX_PROFILE = 16 << 20;

    private PngIccProfile() {
    }

    /** The profile, if the chunks before the image data hold a valid one. */
    static Optional<ICC_Profile> read(FileChannel channel) throws IOException {
        long position = 8;                                       // after the signature
        ByteBuffer chunk;
        while ((chunk = FileBytes.read(channel, position, 8)) != null) {
            long length = chunk.getInt(0) & 0xFFFFFFFFL;
            int type = chunk.getInt(4);
            if (type == IDAT || type == IEND) {
                return Optional.empty();
            }
            if (type == ICCP) {
                return length > MAX_COMPRESSED ? Optional.empty() : parse(FileBytes.read(channel, position + 8, (int) length));
            }
            position += 12 + length;                             // length, type, data, CRC
        }
        return Optional.empty();
    }

    /** iCCP data: profile name, 0, compression method (0 = zlib), compressed profile. */
    private static Optional<ICC_Profile> parse(ByteBuffer data) {
        if (data == null) {
            return Optional.empty();
        }
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        int nameEnd = 0;
        while (nameEnd < bytes.length && nameEnd < 80 && bytes[nameEnd] != 0) {
            nameEnd++;
        }
        if (nameEnd + 2 > bytes.length || bytes[nameEnd] != 0 || bytes[nameEnd + 1] != 0) {
            return Optional.empty();
        }
        try {
            ICC_Profile profile = ICC_Profile.getInstance(inflate(bytes, nameEnd + 2));
            return isSrgb(profile) ? Optional.empty() : Optional.of(profile);
        } catch (DataFormatException | RuntimeException e) {
            log.debug("ignoring an unreadable PNG iCCP profile: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Whether the profile is one of the many sRGB variants ("sRGB IEC61966-2.1", "sRGB built-in", ...) by its
     * description: the pixels are then sRGB already, and converting would only cost time and rounding.
     */
    private static boolean isSrgb(ICC_Profile profile) {
        if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB) {
            return false;
        }
        byte[] description = profile.getData(ICC_Profile.icSigProfileDescriptionTag);
        if (description == null) {
            return false;
        }
        // 'desc' (ICC v2) holds ASCII, 'mluc' (v4) UTF-16: dropping the zero bytes reads both well enough
        String text = new String(description, StandardCharsets.ISO_8859_1).replace("\0", "");
        return text.contains("sRGB");
    }

    private static byte[] inflate(byte[] bytes, int offset) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(bytes, offset, bytes.length - offset);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("iCCP profile data ends early");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_PROFILE) {
                    throw new DataFormatException("iCCP profile is larger than " + MAX_PROFILE + " bytes");
                }
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }
}
