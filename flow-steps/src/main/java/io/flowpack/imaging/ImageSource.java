package io.flowpack.imaging;

import java.awt.Dimension;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * One open image file: its format (by content), an ImageIO reader positioned on it, and the header facts flowpack
 * reads itself (EXIF orientation, PNG ICC profile). Turns every reader failure into an {@link ImageDecodeException}.
 */
final class ImageSource implements AutoCloseable {
    private static final int HEAD_BYTES = 32;

    private final ImageFormat format;
    private final ImageLimits limits;
    private final FileChannel channel;
    private final GuardedImageInput input;
    private final ImageReader reader;
    private final ReadWarnings warnings = new ReadWarnings();
    private int pageCount = -1;
    private int[] orientations;
    private Optional<ICC_Profile> pngProfile;

    private ImageSource(ImageFormat format, ImageLimits limits, FileChannel channel, GuardedImageInput input, ImageReader reader) {
        this.format = format;
        this.limits = limits;
        this.channel = channel;
        this.input = input;
        this.reader = reader;
        reader.setInput(input, false, true);
        reader.addIIOReadWarningListener(warnings);
    }

    /** Opens the file after checking its size and recognising its content; reads no pixels. */
    static ImageSource open(Path file, ImageLimits limits) throws ImageDecodeException {
        FileChannel channel = openChannel(file);
        ImageInputStream input = null;
        try {
            LimitCheck.fileSize(channel.size(), limits);
            byte[] head = FileBytes.head(channel, HEAD_BYTES);
            ImageFormat format = ImageFormat.detect(head).orElseThrow(
                    () -> new ImageDecodeException("not a supported image: content starts with " + DecodeFailures.describe(head)));
            input = ImageIO.createImageInputStream(file.toFile());
            if (input == null) {
                input = new FileImageInputStream(file.toFile());
            }
            return new ImageSource(format, limits, channel, new GuardedImageInput(input, channel.size()),
                    ImageIoPlugins.reader(format));
        } catch (ImageDecodeException e) {
            closeQuietly(channel, input);
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, input);
            throw new ImageDecodeException("cannot read " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    ImageFormat format() {
        return format;
    }

    /** TIFF: its pages; other formats: 1 (GIF and WebP animations give their first frame). */
    int pageCount() throws ImageDecodeException {
        if (pageCount < 0) {
            try {
                pageCount = format == ImageFormat.TIFF ? reader.getNumImages(true) : 1;
            } catch (IOException | RuntimeException e) {
                throw failure("image header is corrupt", e);
            }
            if (pageCount < 1) {
                throw new ImageDecodeException("image has no pages");
            }
        }
        return pageCount;
    }

    /** The stored size of a page from its header, refused when over the pixel limit. */
    Dimension checkedSize(int page) throws ImageDecodeException {
        int width;
        int height;
        try {
            width = reader.getWidth(page);
            height = reader.getHeight(page);
        } catch (IOException | RuntimeException e) {
            throw failure("image header is corrupt", e);
        }
        LimitCheck.pixels(width, height, limits);
        return new Dimension(width, height);
    }

    /** The EXIF orientation of a page, 1 to 8; a damaged tag counts as 1 rather than failing a good image. */
    int orientation(int page) throws ImageDecodeException {
        if (orientations == null) {
            try {
                orientations = switch (format) {
                    case JPEG -> new int[] {ExifOrientation.ofJpeg(channel)};
                    case TIFF -> ExifOrientation.ofTiff(channel, 0, pageCount());
                    default -> new int[] {ExifOrientation.AS_STORED};
                };
            } catch (IOException e) {
                throw new ImageDecodeException("cannot read the " + format + " header: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                orientations = new int[] {ExifOrientation.AS_STORED};
            }
        }
        return page < orientations.length ? orientations[page] : ExifOrientation.AS_STORED;
    }

    /** Decodes one page to displayed, 8-bit sRGB TYPE_INT_RGB/ARGB, after checking its size. */
    BufferedImage read(int page) throws ImageDecodeException {
        Dimension size = checkedSize(page);
        int orientation = orientation(page);
        warnings.clear();
        try {
            BufferedImage decoded = reader.read(page);
            Optional<String> truncation = warnings.truncation();
            if (truncation.isPresent()) {
                throw new ImageDecodeException("image data is truncated (" + truncation.get() + ")");
            }
            Optional<ICC_Profile> ignoredProfile = format == ImageFormat.PNG ? pngProfile() : Optional.empty();
            BufferedImage tagged = ignoredProfile.map(profile -> SrgbConverter.assignProfile(decoded, profile)).orElse(decoded);
            return Orientation.apply(SrgbConverter.toIntRgb(tagged), orientation);
        } catch (ImageDecodeException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new ImageDecodeException("not enough memory to decode a " + size.width + "×" + size.height + " image", e);
        } catch (IOException | RuntimeException e) {
            throw failure("image data is corrupt", e);
        }
    }

    @Override
    public void close() {
        reader.dispose();
        closeQuietly(channel, input);
    }

    private Optional<ICC_Profile> pngProfile() throws IOException {
        if (pngProfile == null) {
            pngProfile = PngIccProfile.read(channel);
        }
        return pngProfile;
    }

    /** A reader failure as a user-facing reason: truncated when the data ends early, else {@code otherwise}. */
    private ImageDecodeException failure(String otherwise, Throwable cause) {
        boolean truncated = warnings.truncation().isPresent() || input.reachedEnd();
        try {
            truncated |= !FileBytes.endsComplete(channel, format);
        } catch (IOException ignored) {
            // keep the reader's own reason
        }
        return DecodeFailures.of(format, otherwise, truncated, cause);
    }

    private static FileChannel openChannel(Path file) throws ImageDecodeException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException("file not found: " + file, e);
        } catch (IOException | RuntimeException e) {
            throw new ImageDecodeException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception ignored) {
                // nothing left to do with a file we only read
            }
        }
    }
}
