package io.flowpack.upscale;

import io.flowpack.imaging.Pixels;
import io.flowpack.model.LoadedModel;
import io.flowpack.model.ModelEntry;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelRegistry;
import io.flowpack.model.ModelSessions;
import io.flowpack.model.image.ImageToImageModel;
import io.flowpack.model.image.TileOptions;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The {@code onnx} backend of the upscale step: super-resolution models run tiled by {@link ImageToImageModel}.
 *
 * <p>The {@code model} parameter names a family ({@code esrgan-slim}: the models {@code esrgan-slim-x2}, {@code -x3},
 * {@code -x4}), one model by name (from the bundled models or the models folder), or a model file by path. For
 * a ratio a family or model has no single scale for, models are chained ({@link ScaleChain}: ×8 = ×2 then ×4), and
 * a result larger than asked for is brought to the exact size with Lanczos. Alpha is not the model's business: it is
 * enlarged with Lanczos and put back.
 */
public final class OnnxUpscaler {
    public static final String DEFAULT_MODEL = "esrgan-slim";

    private final ModelRegistry registry;
    private final ModelSessions sessions;

    public OnnxUpscaler(ModelRegistry registry, ModelSessions sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    /** What one upscale did, for the audit. */
    public record Outcome(BufferedImage image, List<Map<String, Object>> stages, boolean lanczosFinish) {
    }

    /**
     * Enlarges {@code image} to exactly {@code width × height}.
     *
     * @param maxPixels no model stage may produce a larger image (a ×8 chain for ×7 could otherwise outgrow the
     *                  image limit the final size was checked against); Lanczos makes up the rest
     * @param progress receives the fraction of this image done, after every tile
     * @throws ModelLoadException when the model is unknown or does not load
     * @throws java.util.concurrent.CancellationException when cancelled between tiles
     */
    public Outcome upscale(BufferedImage image, int width, int height, String model, TileOptions tiles,
                           long maxPixels, DoubleConsumer progress, BooleanSupplier cancelled) {
        BufferedImage source = Pixels.toIntRgb(image);
        Map<Integer, ModelEntry> scales = choose(model);
        double ratio = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        long maxProduct = (long) Math.sqrt((double) maxPixels / ((long) source.getWidth() * source.getHeight()));
        List<Integer> chain = ScaleChain.plan(scales.keySet(), ratio, maxProduct);
        List<Map<String, Object>> stages = new ArrayList<>();
        BufferedImage current = source;
        double work = totalWork(chain) * source.getWidth() * source.getHeight();
        double done = 0;
        for (int scale : chain) {
            ImageToImageModel stage = adapter(scales.get(scale), scale);
            double stageWork = (double) current.getWidth() * current.getHeight() * scale * scale;
            double before = done;
            ImageToImageModel.Result result = stage.run(current, null, tiles,
                    (tile, total) -> progress.accept((before + stageWork * tile / total) / work), cancelled);
            done += stageWork;
            stages.add(audit(stage.model(), result));
            current = result.image();
        }
        boolean finish = current.getWidth() != width || current.getHeight() != height;
        BufferedImage rgb = finish ? LanczosResampler.resize(current, width, height) : current;
        return new Outcome(withAlpha(rgb, source), stages, finish);
    }

    /** The models to choose from, by scale. */
    Map<Integer, ModelEntry> choose(String model) {
        String name = model == null || model.isBlank() ? DEFAULT_MODEL : model.strip();
        if (ModelRegistry.looksLikePath(name)) {
            ModelEntry entry = ModelRegistry.fromPath(Path.of(name));
            return Map.of(entry.manifest().scale(), entry);
        }
        Optional<ModelEntry> single = registry.find(name);
        if (single.isPresent()) {
            return Map.of(single.get().manifest().scale(), single.get());
        }
        Map<Integer, ModelEntry> family = registry.family(name);
        if (family.isEmpty()) {
            throw new ModelLoadException("unknown upscaling model '" + name + "': no model of that name and no family "
                    + name + "-x2, " + name + "-x4, …; known models: "
                    + (registry.names().isEmpty() ? "(none)" : String.join(", ", registry.names()))
                    + registry.folder().map(f -> "; models folder: " + f).orElse(
                            "; no models folder set (system property " + ModelRegistry.MODELS_DIR_PROPERTY + ")")
                    + "; or give the path of a .onnx file with its manifest beside it, or use method=lanczos");
        }
        return new TreeMap<>(family);
    }

    private ImageToImageModel adapter(ModelEntry entry, int scale) {
        LoadedModel loaded = sessions.get(entry);
        ImageToImageModel adapter = new ImageToImageModel(loaded);
        if (adapter.needsMask()) {
            throw new ModelLoadException("model '" + entry.name() + "' needs a mask; it is not an upscaling model");
        }
        if (adapter.scale() != scale) {
            throw new ModelLoadException("model '" + entry.name() + "' is named for ×" + scale
                    + " but its manifest says scale " + adapter.scale());
        }
        return adapter;
    }

    /** Output pixels of all stages per source pixel: the stages' share of the progress. */
    private static double totalWork(List<Integer> chain) {
        double work = 0;
        double area = 1;
        for (int scale : chain) {
            work += area * scale * scale;
            area *= scale * scale;
        }
        return Math.max(work, 1);
    }

    private static Map<String, Object> audit(LoadedModel model, ImageToImageModel.Result result) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("model", model.name());
        stage.put("sha256", model.sha256());
        stage.put("scale", model.manifest().scale());
        stage.put("file", model.entry().file().describe());
        stage.put("tiling", result.tiling().describe());
        model.manifest().sourcePackage().ifPresent(p -> stage.put("source", p));
        return stage;
    }

    /** The source's alpha, enlarged with Lanczos, under the model's RGB; an opaque source keeps the RGB image. */
    private static BufferedImage withAlpha(BufferedImage rgb, BufferedImage source) {
        if (!source.getColorModel().hasAlpha()) {
            return rgb;
        }
        int[] sourcePixels = Pixels.argb(source);
        boolean opaque = true;
        for (int p : sourcePixels) {
            if ((p >>> 24) != 0xff) {
                opaque = false;
                break;
            }
        }
        if (opaque) {
            return rgb;
        }
        BufferedImage alpha = Pixels.create(source.getWidth(), source.getHeight(), false);
        int[] alphaPixels = Pixels.argb(alpha);
        for (int i = 0; i < sourcePixels.length; i++) {
            int a = sourcePixels[i] >>> 24;
            alphaPixels[i] = a << 16 | a << 8 | a;
        }
        int[] alphaLarge = Pixels.argb(LanczosResampler.resize(alpha, rgb.getWidth(), rgb.getHeight()));
        BufferedImage result = Pixels.create(rgb.getWidth(), rgb.getHeight(), true);
        int[] out = Pixels.argb(result);
        int[] colour = Pixels.argb(rgb);
        for (int i = 0; i < out.length; i++) {
            out[i] = (alphaLarge[i] & 0xff) << 24 | (colour[i] & 0xffffff);
        }
        return result;
    }
}
