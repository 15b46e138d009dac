package io.flowpack.comfy.runner;

import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** PNG text chunks ({@code tEXt}, {@code iTXt}, {@code zTXt}) read from one file and written with another image. */
final class PngTextChunks {

    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngTextChunks() {
    }

    /** Keyword → text of a PNG's text chunks; empty for other formats or unreadable metadata. */
    static Map<String, String> read(Path file) {
        Map<String, String> texts = new LinkedHashMap<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return texts;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, false);
                IIOMetadata metadata = reader.getImageMetadata(0);
                if (metadata == null || !java.util.Arrays.asList(metadata.getMetadataFormatNames()).contains(FORMAT)) {
                    return texts;
                }
                collect((Node) metadata.getAsTree(FORMAT), texts);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            texts.clear(); // the image is still written, without the original's texts
        }
        return texts;
    }

    private static void collect(Node node, Map<String, String> texts) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            String name = child.getNodeName();
            if (name.equals("tEXtEntry") || name.equals("zTXtEntry")) {
                texts.put(attribute(child, "keyword"), child.getAttributes().getNamedItem(
                        name.equals("tEXtEntry") ? "value" : "text").getNodeValue());
            } else if (name.equals("iTXtEntry")) {
                texts.put(attribute(child, "keyword"), attribute(child, "text"));
            } else {
                collect(child, texts);
            }
        }
    }

    private static String attribute(Node node, String name) {
        Node attribute = node.getAttributes().getNamedItem(name);
        return attribute == null ? "" : attribute.getNodeValue();
    }

    /** Writes the image as PNG with the given text chunks (as {@code iTXt}, so any text survives). */
    static void write(BufferedImage image, Map<String, String> texts, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image),
                    writer.getDefaultWriteParam());
            if (!texts.isEmpty()) {
                IIOMetadataNode text = new IIOMetadataNode("iTXt");
                texts.forEach((keyword, value) -> {
                    IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                    entry.setAttribute("keyword", keyword);
                    entry.setAttribute("compressionFlag", "FALSE");
                    entry.setAttribute("compressionMethod", "0");
                    entry.setAttribute("languageTag", "");
                    entry.setAttribute("translatedKeyword", "");
                    entry.setAttribute("text", value);
                    text.appendChild(entry);
                });
                IIOMetadataNode root = new IIOMetadataNode(FORMAT);
                root.appendChild(text);
                try {
                    metadata.mergeTree(FORMAT, root);
                } catch (IIOInvalidTreeException e) {
                    throw new IOException("PNG text chunks could not be written: " + e.getMessage(), e);
                }
            }
            writer.write(new IIOImage(image, null, metadata));
        } finally {
            writer.dispose();
        }
    }
}
