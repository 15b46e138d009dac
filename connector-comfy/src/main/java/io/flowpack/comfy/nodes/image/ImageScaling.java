package io.flowpack.comfy.nodes.image;

import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.NodeException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ComfyUI's {@code common_upscale}: an optional centre crop to the target aspect, then resampling. */
final class ImageScaling {
    /** The {@code crop} combo values. */
    static final List<String> CROPS = List.of("disabled", "center");

    private ImageScaling() {
    }

    /**
     * @param maxPixels the image limit: a larger target is refused before anything is allocated
     */
    static ImageBatch scale(String node, ImageBatch image, Resampling method, int width, int height, boolean center,
                            long maxPixels) throws NodeException {
        if (width < 1 || height < 1) {
            throw new NodeException(node + ": target size " + width + "x" + height + " is empty", null, "ValueError");
        }
        if ((long) width * height > maxPixels) {
            throw new NodeException(String.format(Locale.ROOT,
                    "%s: target size %dx%d (%.1f MP) exceeds the image limit of %.1f MP", node, width, height,
                    (double) width * height / 1e6, maxPixels / 1e6), null, "ValueError");
        }
        int x = 0;
        int y = 0;
        int w = image.width();
        int h = image.height();
        if (center) {
            double oldAspect = (double) w / h;
            double newAspect = (double) width / height;
            if (oldAspect > newAspect) {
                x = (int) Math.rint((w - w * (newAspect / oldAspect)) / 2);
            } else if (oldAspect < newAspect) {
                y = (int) Math.rint((h - h * (oldAspect / newAspect)) / 2);
            }
        }
        int cropW = w - 2 * x;
        int cropH = h - 2 * y;
        List<float[]> scaled = new ArrayList<>(image.size());
        for (float[] item : image.images()) {
            float[] source = x == 0 && y == 0 ? item : Planes.crop(item, w, x, y, cropW, cropH);
            scaled.add(method.resize(source, cropW, cropH, 3, width, height));
        }
        return new ImageBatch(width, height, scaled);
    }
}
