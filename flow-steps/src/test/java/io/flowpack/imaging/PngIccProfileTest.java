package io.flowpack.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The iCCP chunk the JDK's PNG reader ignores. */
class PngIccProfileTest {

    @Test
    void readsAdobeRgbAndGrayProfiles() throws IOException {
        assertThat(profileOf("adobe-rgb.png")).map(ICC_Profile::getColorSpaceType).contains(ColorSpace.TYPE_RGB);
        assertThat(profileOf("gray-linear-icc.png")).map(ICC_Profile::getColorSpaceType).contains(ColorSpace.TYPE_GRAY);
    }

    @Test
    void srgbProfilesAndUntaggedFilesNeedNoConversion() throws IOException {
        assertThat(profileOf("srgb-icc.png")).isEmpty();
        assertThat(profileOf("alpha.png")).isEmpty();
        assertThat(profileOf("truncated.png")).isEmpty();
    }

    @Test
    void srgbTaggedPngKeepsItsExactValues() throws IOException {
        assertThat(ImageDecoder.decodeFirst(Fixtures.path("srgb-icc.png"), ImageLimits.DEFAULT).getRGB(4, 4) & 0xFFFFFF)
                .isEqualTo(10 << 16 | 200 << 8 | 30);
    }

    private static Optional<ICC_Profile> profileOf(String name) throws IOException {
        try (FileChannel channel = FileChannel.open(Fixtures.path(name), StandardOpenOption.READ)) {
            return PngIccProfile.read(channel);
        }
    }
}
