package io.flowpack.anonymizer.inpaint;

import io.flowpack.imaging.Pixels;
import io.flowpack.model.ModelManifest;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.TensorSpec;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.model.image.TileOptions;
import io.flowpack.model.image.TileProgress;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inpainting by a LaMa / MI-GAN-style ONNX model (image + mask in, image out) through the model layer's
 * {@link ImageToImageModel}. Each connected hole is cut out with context (its bounding box grown to
 * {@code context} times its size), resized to the model's square input size (its fixed input size, else the
 * manifest's tile size, else {@value #DEFAULT_SIZE}), run once, resized back, and only the hole's pixels are
 * pasted, with the soft mask's seam ({@link SoftMask}).
 */
public final class OnnxInpainter implements Inpainter {
    public static final int DEFAULT_SIZE = 512;
    public static final double DEFAULT_CONTEXT = 2.0;

    private final ImageToImageModel model;
    private final int size;
    private final double context;

    public OnnxInpainter(ImageToImageModel model, double context) {
        if (!model.needsMask() || model.scale() != 1) {
            throw new IllegalArgumentException("model '" + model.model().name()
                    + "' is not an inpainting model: it needs a mask input and scale 1");
        }
        if (context < 1) {
            throw new IllegalArgumentException("context must be at least 1 (the hole itself), not " + context);
        }
        this.model = model;
        this.size = modelSize(model);
        this.context = context;
    }

    /** The model at a manifest or ONNX path (manifest beside it), loaded through the shared sessions. */
    public static OnnxInpainter fromPath(Path path, ModelSessions sessions) {
        return new OnnxInpainter(new ImageToImageModel(sessions.get(ModelRegistry.fromPath(path))), DEFAULT_CONTEXT);
    }

    @Override
    public String name() {
        return "onnx";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", model.model().name());
        p.put("sha256", model.model().sha256());
        p.put("size", size);
        p.put("context", context);
        return p;
    }

    @Override
    public BufferedImage inpaint(BufferedImage image, float[] mask, InpaintProgress progress) {
        return RegionFill.run(image, mask, progress,
                (region, index, rgb, holes, width, height) -> fillRegion(region, rgb, holes, width, height));
    }

    private void fillRegion(HoleRegions.Region region, int[] rgb, float[] mask, int width, int height) {
        int marginX = (int) Math.ceil((context - 1) / 2 * region.width());
        int marginY = (int) Math.ceil((context - 1) / 2 * region.height());
        int x0 = Math.max(0, region.x0() - marginX);
        int y0 = Math.max(0, region.y0() - marginY);
        int cw = Math.min(width - 1, region.x1() + marginX) - x0 + 1;
        int ch = Math.min(height - 1, region.y1() + marginY) - y0 + 1;
        BufferedImage crop = Pixels.create(cw, ch, false);
        BufferedImage cropMask = Pixels.create(cw, ch, false);
        int[] cropPixels = Pixels.argb(crop);
        int[] maskPixels = Pixels.argb(cropMask);
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int i = (x0 + x) + (y0 + y) * width;
                cropPixels[x + y * cw] = rgb[i];
                maskPixels[x + y * cw] = SoftMask.touched(mask[i]) ? 0xffffff : 0;
            }
        }
        BufferedImage input = resize(crop, size, size, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        BufferedImage inputMask = resize(cropMask, size, size, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int[] m = Pixels.argb(inputMask);
        for (int i = 0; i < m.length; i++) {
            m[i] = (m[i] & 0xff) > 0 ? 0xffffff : 0; // any touch of the hole counts as hole at model size
        }
        BufferedImage output = model.run(input, inputMask, new TileOptions(size, 0), TileProgress.NONE, () -> false)
                .image();
        int[] back = Pixels.argb(resize(output, cw, ch, RenderingHints.VALUE_INTERPOLATION_BICUBIC));
        for (int p : region.pixels()) {
            rgb[p] = back[(p % width - x0) + (p / width - y0) * cw] & 0xffffff;
        }
    }

    private static BufferedImage resize(BufferedImage source, int width, int height, Object interpolation) {
        BufferedImage target = Pixels.create(width, height, false);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static int modelSize(ImageToImageModel model) {
        ModelManifest manifest = model.model().manifest();
        TensorSpec image = manifest.inputs(TensorSpec.IMAGE).get(0);
        int fixed = model.model().signature().fixedWidth(image);
        return fixed > 0 ? fixed : manifest.tile() != null ? manifest.tile().size() : DEFAULT_SIZE;
    }
}
