package io.flowpack.anonymizer.inpaint;

import io.flowpack.imaging.Pixels;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * The built-in inpainter: exemplar-based, coarse-to-fine PatchMatch. Each connected hole is filled on its own,
 * inside a window around it (its bounding box grown by {@code context} times its larger side on every side, so
 * the search stays local on large photos). The window becomes a pyramid down to where the hole is a few pixels
 * thick; the coarsest hole starts from an onion-peel fill, then every level runs a few EM iterations of PatchMatch
 * (propagation + random search, {@link PatchField}) and weighted voting, and hands its field, doubled, to the next
 * finer level. The finest level's last vote copies the most coherent proposal deep inside the hole rather than
 * averaging, and the detail of the coherent copy inherited from the coarser level is added back there
 * ({@link PatchField#addTexture}), so textures such as grass continue instead of turning flat. Sources are whole
 * patches outside the hole. The result depends on the seed only, not on the
 * number of threads.
 */
public final class PatchMatchInpainter implements Inpainter {

    /**
     * @param patchSize        side of a square patch, odd (7)
     * @param emIterations     vote-and-search rounds at the finest level; coarser levels get two more (3)
     * @param searchIterations propagation + random search passes per round (3)
     * @param context          window margin around a hole, in units of the hole's larger side (1.0: window ≈ 3×)
     * @param seed             random seed; equal seeds give equal results
     * @param threads          worker threads (0: all processors)
     */
    public record Settings(int patchSize, int emIterations, int searchIterations, double context, long seed,
                           int threads) {
        public Settings {
            if (patchSize < 3 || patchSize % 2 == 0) {
                throw new IllegalArgumentException("patchSize must be odd and at least 3, not " + patchSize);
            }
            if (emIterations < 1 || searchIterations < 1 || context <= 0 || threads < 0) {
                throw new IllegalArgumentException("emIterations and searchIterations must be ≥ 1, context > 0, "
                        + "threads ≥ 0");
            }
        }

        public static Settings defaults() {
            return new Settings(7, 3, 3, 1.0, 1L, 0);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(patchSize, emIterations, searchIterations, context, newSeed, threads);
        }

        public Settings withThreads(int newThreads) {
            return new Settings(patchSize, emIterations, searchIterations, context, seed, newThreads);
        }
    }

    private final Settings settings;
    /**
     * Finest-level rounds whose vote copies the most coherent proposal instead of the mean for pixels deep in the
     * hole ({@link PatchField#vote(ForkJoinPool, int)}): the last one, so that texture is not averaged flat.
     */
    private static final int TEXTURE_ROUNDS = 1;
    /** Depth inside the hole (pixels) from which texture is copied fully; nearer the rim it blends in. */
    private static final int TEXTURE_DEPTH = 4;
    /**
     * How much of the coherent copy's fine detail {@link PatchField#addTexture} adds back at the end: 1 looks
     * most like the surrounding texture, 0.7 keeps SSIM in person-sized holes above Telea (src-test/bench/inpaint-vs-telea.sh).
     */
    private static final float TEXTURE_STRENGTH = 0.7f;

    public PatchMatchInpainter() {
        this(Settings.defaults());
    }

    public PatchMatchInpainter(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "patchmatch";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("patchSize", settings.patchSize());
        p.put("emIterations", settings.emIterations());
        p.put("searchIterations", settings.searchIterations());
        p.put("context", settings.context());
        p.put("seed", settings.seed());
        return p;
    }

    @Override
    public BufferedImage inpaint(BufferedImage image, float[] mask, InpaintProgress progress) {
        BufferedImage rgbImage = Pixels.flatten(image, 0x000000);
        int width = rgbImage.getWidth();
        int height = rgbImage.getHeight();
        SoftMask.check(mask, width, height);
        int[] original = Pixels.argb(rgbImage);
        int[] filled = original.clone();
        List<HoleRegions.Region> regions = HoleRegions.of(mask, width, height);
        int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            for (int k = 0; k < regions.size(); k++) {
                progress.update((double) k / regions.size(), "filling hole " + (k + 1) + " of " + regions.size());
                fillRegion(regions.get(k), filled, mask, width, height, settings.seed() + 7919L * k, pool);
            }
        } finally {
            pool.shutdown();
        }
        BufferedImage result = Pixels.create(width, height, false);
        SoftMask.composite(original, filled, mask, Pixels.argb(result));
        progress.update(1.0, "filled " + regions.size() + " hole(s)");
        return result;
    }

    private void fillRegion(HoleRegions.Region region, int[] rgb, float[] mask, int width, int height, long seed,
                            ForkJoinPool pool) {
        int margin = (int) Math.ceil(settings.context() * Math.max(region.width(), region.height()))
                + settings.patchSize();
        int x0 = Math.max(0, region.x0() - margin);
        int y0 = Math.max(0, region.y0() - margin);
        int x1 = Math.min(width - 1, region.x1() + margin);
        int y1 = Math.min(height - 1, region.y1() + margin);
        ImageLevel window = ImageLevel.crop(rgb, mask, width, x0, y0, x1 - x0 + 1, y1 - y0 + 1);
        fillWindow(window, seed, pool);
        int ww = window.width;
        for (int p : region.pixels()) {
            int i = (p % width - x0) + (p / width - y0) * ww;
            rgb[p] = window.red[i] << 16 | window.green[i] << 8 | window.blue[i];
        }
    }

    private void fillWindow(ImageLevel finest, long seed, ForkJoinPool pool) {
        int radius = settings.patchSize() / 2;
        List<ImageLevel> pyramid = new ArrayList<>();
        pyramid.add(finest);
        ImageLevel current = finest;
        while (current.holeThickness() > 2 && Math.min(current.width, current.height) / 2 > 4 * radius + 2) {
            ImageLevel coarser = current.half();
            if (PatchField.sourceCount(coarser, radius) < 16) {
                break;
            }
            pyramid.add(coarser);
            current = coarser;
        }
        int coarsest = pyramid.size() - 1;
        pyramid.get(coarsest).onionPeel();
        PatchField previous = null;
        for (int level = coarsest; level >= 0; level--) {
            ImageLevel image = pyramid.get(level);
            if (previous != null) {
                image.holeFrom(pyramid.get(level + 1));
            }
            PatchField field = new PatchField(image, radius);
            if (!field.hasSources()) {
                image.onionPeel(); // nothing to copy from: the smooth fill is all there is
                previous = null;
                continue;
            }
            long levelSeed = seed * 31 + level;
            if (previous == null) {
                field.randomInit(levelSeed);
            } else {
                field.initFrom(previous, levelSeed);
            }
            field.measure(pool);
            int rounds = settings.emIterations() + (level == 0 ? 0 : 2);
            for (int round = 0; round < rounds; round++) {
                for (int pass = 0; pass < settings.searchIterations(); pass++) {
                    field.improve(pass, levelSeed * 1_000_003L + round * 101L + pass, pool);
                }
                boolean texture = level == 0 && round >= rounds - TEXTURE_ROUNDS;
                field.vote(pool, texture ? TEXTURE_DEPTH : Integer.MAX_VALUE);
                field.measure(pool);
            }
            if (level == 0) {
                field.addTexture(TEXTURE_DEPTH, TEXTURE_STRENGTH);
            }
            previous = field;
        }
    }
}
