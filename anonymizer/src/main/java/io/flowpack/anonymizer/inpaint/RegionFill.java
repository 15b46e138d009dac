package io.flowpack.anonymizer.inpaint;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The frame every inpainter shares: flatten the picture, check the mask, fill each connected hole in turn (with
 * progress), then blend the fill in through the soft mask.
 */
final class RegionFill {

    /** Fills one hole into {@code rgb} (0xRRGGBB, {@code width} per row); {@code index} counts the holes from 0. */
    interface Filler {
        void fill(HoleRegions.Region region, int index, int[] rgb, float[] mask, int width, int height);
    }

    private RegionFill() {
    }

    static BufferedImage run(BufferedImage image, float[] mask, InpaintProgress progress, Filler filler) {
        BufferedImage rgbImage = Pixels.flatten(image, 0x000000);
        int width = rgbImage.getWidth();
        int height = rgbImage.getHeight();
        SoftMask.check(mask, width, height);
        int[] original = Pixels.argb(rgbImage);
        int[] filled = original.clone();
        List<HoleRegions.Region> regions = HoleRegions.of(mask, width, height);
        for (int k = 0; k < regions.size(); k++) {
            progress.update((double) k / regions.size(), "filling hole " + (k + 1) + " of " + regions.size());
            filler.fill(regions.get(k), k, filled, mask, width, height);
        }
        BufferedImage result = Pixels.create(width, height, false);
        SoftMask.composite(original, filled, mask, Pixels.argb(result));
        progress.update(1.0, "filled " + regions.size() + " hole(s)");
        return result;
    }
}
