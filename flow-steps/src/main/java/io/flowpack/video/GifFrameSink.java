package io.flowpack.video;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Animated GIF through javax.imageio: each frame gets its own palette (the JDK writer's octree quantiser), the
 * delays follow the frame rate in GIF's 1/100 s steps without drifting, and the animation loops.
 */
final class GifFrameSink implements FrameSink {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final VideoSpec spec;
    private final ImageOutputStream out;
    private final ImageWriter writer;
    private final BufferedImage image;
    private int frames;

    GifFrameSink(VideoSpec spec, Path file) throws IOException {
        this.spec = spec;
        this.writer = ImageIO.getImageWritersByFormatName("gif").next();
        this.out = ImageIO.createImageOutputStream(Files.newOutputStream(file));
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
        this.image = new BufferedImage(spec.width(), spec.height(), BufferedImage.TYPE_INT_RGB);
    }

    @Override
    public void write(int[] rgb) throws IOException {
        image.getRaster().setDataElements(0, 0, spec.width(), spec.height(), rgb);
        writer.writeToSequence(new IIOImage(image, null, metadata(frames)), null);
        frames++;
    }

    private IIOMetadata metadata(int index) throws IOException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", String.valueOf(delay(index)));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        if (index == 0) {
            IIOMetadataNode extensions = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[]{1, 0, 0});
            extensions.appendChild(loop);
            root.appendChild(extensions);
        }
        metadata.mergeTree(FORMAT, root);
        return metadata;
    }

    /** Frame {@code index}'s delay in 1/100 s, rounded so that the running total stays on the exact time line. */
    private int delay(int index) {
        long end = Math.round((index + 1) * 100 / spec.fps());
        long start = Math.round(index * 100 / spec.fps());
        return (int) Math.max(1, end - start);
    }

    @Override
    public void finish() throws IOException {
        writer.endWriteSequence();
        out.flush();
    }

    @Override
    public int frames() {
        return frames;
    }

    @Override
    public void close() throws IOException {
        writer.dispose();
        out.close();
    }
}
