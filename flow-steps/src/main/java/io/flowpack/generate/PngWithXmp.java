package io.flowpack.generate;

import io.flowpack.imaging.Pixels;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a PNG with an XMP packet in an uncompressed {@code iTXt} chunk of keyword {@code XML:com.adobe.xmp} (where
 * XMP readers look for it in PNG), through the JDK's PNG writer and its standard metadata tree.
 */
public final class PngWithXmp {
    static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    private static final String PNG_FORMAT = "javax_imageio_png_1.0";

    private PngWithXmp() {
    }

    public static void write(BufferedImage image, byte[] xmp, OutputStream out) throws IOException {
        BufferedImage rgb = Pixels.toIntRgb(image);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
            IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
            entry.setAttribute("keyword", XMP_KEYWORD);
            entry.setAttribute("compressionFlag", "FALSE");
            entry.setAttribute("compressionMethod", "0");
            entry.setAttribute("languageTag", "");
            entry.setAttribute("translatedKeyword", "");
            entry.setAttribute("text", new String(xmp, StandardCharsets.UTF_8));
            IIOMetadataNode itxt = new IIOMetadataNode("iTXt");
            itxt.appendChild(entry);
            IIOMetadataNode root = new IIOMetadataNode(PNG_FORMAT);
            root.appendChild(itxt);
            metadata.mergeTree(PNG_FORMAT, root);
            writer.write(null, new IIOImage(rgb, null, metadata), param);
        } finally {
            writer.dispose();
        }
    }
}
