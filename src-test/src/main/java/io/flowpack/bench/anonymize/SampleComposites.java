package io.flowpack.bench.anonymize;

import io.flowpack.imaging.ImageEncoder;
import io.flowpack.imaging.ImageFormat;
import io.flowpack.imaging.Pixels;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the sample photos with people for the README's main command ({@code samples/make-samples.sh} calls it):
 * a public-domain portrait's person, cut out with the bundled detector + {@code selfie} segmenter, standing in front
 * of a CC0 background, bottom edge on the frame's bottom edge as if the frame cut them off there.
 *
 * <pre>SampleComposites OUT.jpg BACKGROUND PORTRAIT HEIGHT_FRACTION CENTRE_X_FRACTION</pre>
 */
public final class SampleComposites {

    private SampleComposites() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: OUT.jpg BACKGROUND PORTRAIT HEIGHT_FRACTION CENTRE_X_FRACTION");
        }
        Path out = Path.of(args[0]);
        BufferedImage background = SyntheticPeopleSet.decode(Path.of(args[1]));
        BufferedImage cutout = PersonCutout.cut(SyntheticPeopleSet.decode(Path.of(args[2])), new AnonymizerParts());
        double heightFraction = Double.parseDouble(args[3]);
        double centreX = Double.parseDouble(args[4]);
        int h = (int) Math.round(background.getHeight() * heightFraction);
        int w = (int) Math.round((double) cutout.getWidth() * h / cutout.getHeight());
        BufferedImage scaled = Resample.scale(cutout, w, h);
        BufferedImage composite = Pixels.create(background.getWidth(), background.getHeight(), false);
        Graphics2D g = composite.createGraphics();
        try {
            g.drawImage(background, 0, 0, null);
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(scaled, (int) Math.round(centreX * background.getWidth() - w / 2.0),
                    background.getHeight() - h, null);
        } finally {
            g.dispose();
        }
        try (OutputStream o = Files.newOutputStream(out)) {
            ImageEncoder.encode(composite, ImageFormat.JPEG, 0.92f, o);
        }
        System.out.println("wrote " + out + " (" + composite.getWidth() + "x" + composite.getHeight() + ")");
    }
}
