package io.flowpack.anonymizer.inpaint;


import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * The built-in inpainter: exemplar-based, coarse-to-fine PatchMatch. Each connected hole is filled on its own,
 * inside a window around it (its bounding box grown by {@code context} times its larger side on every side, so
 * the search stays local on large photos). The window becomes a pyramid of at most four levels (1/8 scale, where
 * a wall's bricks are still visible); patch distances compare colours and texture features
 * ({@link ImageLevel#computeTexture}). The coarsest hole starts from a structured copy where the surroundings
 * repeat ({@link OnionPatchFill}) or from a smooth onion peel elsewhere; then every level runs a few EM iterations
 * of PatchMatch (propagation + random search, {@link PatchField}) and weighted voting, and hands its field,
 * doubled, to the next finer level. Finally the fill's colour level is matched to the rim ({@link SeamCorrection}).
 * Sources are whole patches outside the hole. The result depends on the seed only, not on the number of threads.
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
     * Pyramid depth cap: the coarsest level is 1/8 of the photo, where a wall's bricks are still visible (deeper,
     * every regular pattern has averaged into a flat colour and its start is lost).
     */
    private static final int MAX_LEVELS = 4;
    /** {@link Repetition} score below which the surroundings count as a repeating pattern (brick wall 0.06, scenes ≥ 0.36). */
    private static final double REPETITIVE = 0.15;

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
        int threads = settings.threads() > 0 ? settings.threads() : Runtime.getRuntime().availableProcessors();
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return RegionFill.run(image, mask, progress, (region, index, rgb, holes, width, height) ->
                    fillRegion(region, rgb, holes, width, height, settings.seed() + 7919L * index, pool));
        } finally {
            pool.shutdown();
        }
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
        int levels = pyramid(finest, radius).size();
        finest.computeTexture(1 << (levels - 1));
        List<ImageLevel> pyramid = pyramid(finest, radius);
        int coarsest = pyramid.size() - 1;
        if (coarsest > 0) {
            finest.dropTexture();
        }
        PatchField previous = null;
        for (int level = coarsest; level >= 0; level--) {
            ImageLevel image = pyramid.get(level);
            long levelSeed = seed * 31 + level;
            PatchField field;
            if (previous == null) {
                field = startLevel(image, radius, level, levelSeed, pool);
                if (field == null) {
                    continue; // nothing to copy from: the smooth fill is all there is
                }
            } else {
                image.holeFrom(pyramid.get(level + 1));
                field = new PatchField(image, radius, level > 0);
                if (!field.hasSources()) {
                    image.onionPeel();
                    previous = null;
                    continue;
                }
                field.initFrom(previous, levelSeed);
                field.measure(pool);
                refine(field, level, levelSeed, pool);
            }
            if (level == 0) {
                field.correctSeams();
            }
            previous = field;
        }
    }

    /**
     * The first level with sources. Where the surroundings repeat ({@link Repetition}: brick walls, tiles, rows of
     * windows) the hole starts from {@link OnionPatchFill}'s structured copy, so the pattern runs on through it;
     * elsewhere from a smooth onion peel with random matches, which EM sharpens only where the matches agree (a
     * structured copy of an irregular scene is mostly wrong, and scores worse inside the hole than a smooth one:
     * docs/BENCHMARKS.md). Null when the level offers no source patch.
     */
    private PatchField startLevel(ImageLevel image, int radius, int level, long levelSeed, ForkJoinPool pool) {
        PatchField field = new PatchField(image, radius, level > 0);
        if (!field.hasSources()) {
            image.onionPeel();
            return null;
        }
        if (Repetition.score(image, field.sourcePositions(), radius, levelSeed) < REPETITIVE) {
            field.onionInit(levelSeed);
        } else {
            image.onionPeel();
            field.randomInit(levelSeed);
        }
        field.measure(pool);
        refine(field, level, levelSeed, pool);
        return field;
    }

    /** The EM rounds of one level: search passes, then a vote. */
    private void refine(PatchField field, int level, long levelSeed, ForkJoinPool pool) {
        int rounds = settings.emIterations() + (level == 0 ? 0 : 2);
        for (int round = 0; round < rounds; round++) {
            for (int pass = 0; pass < settings.searchIterations(); pass++) {
                field.improve(pass, levelSeed * 1_000_003L + round * 101L + pass, pool);
            }
            field.vote(pool);
            field.measure(pool);
        }
    }

    /** The finest level and its halvings down to where the hole is a few pixels thick. */
    private static List<ImageLevel> pyramid(ImageLevel finest, int radius) {
        List<ImageLevel> pyramid = new ArrayList<>();
        pyramid.add(finest);
        ImageLevel current = finest;
        while (pyramid.size() < MAX_LEVELS && current.holeThickness() > 2
                && Math.min(current.width, current.height) / 2 > 4 * radius + 2) {
            ImageLevel coarser = current.half();
            if (PatchField.sourceCount(coarser, radius) < 16) {
                break;
            }
            pyramid.add(coarser);
            current = coarser;
        }
        return pyramid;
    }
}
