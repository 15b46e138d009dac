package io.flowpack.upscale;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * A fast separable Lanczos-3 resampler for packed {@code TYPE_INT_RGB} / {@code TYPE_INT_ARGB} images,
 * up or down to any size.
 *
 * <p>How it is fast: the taps of every output column and row are computed once ({@link Contributors});
 * pixels are read and written as the packed {@code int[]} behind the image; the arithmetic is fixed-point
 * {@code int} in element-wise loops the JIT vectorises (for whole-number factors the horizontal pass too,
 * {@link WholeFactorPass}); and the output rows are split into bands that run in parallel on a shared pool,
 * each streaming through the source with a small ring of filtered rows ({@link ResizeJob}). The result does
 * not depend on the number of bands or threads.
 *
 * <p>Alpha: colours are premultiplied while filtering and divided out at the end, so a transparent
 * neighbour's colour never bleeds in (no dark fringe). An {@code ARGB} image that is fully opaque takes the
 * cheaper three-channel path. Values are rounded and clamped to 0..255.
 */
public final class LanczosResampler {
    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
            LanczosResampler::daemonWorker, null, false);
    /** Bands per thread: a few more than one evens out the load at a small cost of overlapping rows. */
    private static final int BANDS_PER_THREAD = 4;
    private static final int MIN_BAND_ROWS = 16;

    private LanczosResampler() {
    }

    /** Resizes {@code src} to {@code width × height} on all processors. */
    public static BufferedImage resize(BufferedImage src, int width, int height) {
        return resize(src, width, height, true);
    }

    /**
     * Resizes {@code src} to {@code width × height}; the result is {@code TYPE_INT_ARGB} when the source has
     * alpha, else {@code TYPE_INT_RGB}. With {@code parallel} false it runs on the calling thread only;
     * the pixels are the same either way.
     */
    public static BufferedImage resize(BufferedImage src, int width, int height, boolean parallel) {
        if (width <= 0 || height <= 0 || (long) width * height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot resize to " + width + "×" + height);
        }
        BufferedImage source = packed(src);
        int[] in = pixels(source);
        boolean argb = source.getType() == BufferedImage.TYPE_INT_ARGB;
        BufferedImage target = new BufferedImage(width, height, source.getType());
        ResizeJob job = new ResizeJob(in, source.getWidth(), source.getHeight(), pixels(target), width, height,
                argb && !opaque(in));
        int bands = parallel ? Math.max(1, Math.min(POOL.getParallelism() * BANDS_PER_THREAD,
                height / MIN_BAND_ROWS)) : 1;
        if (bands == 1) {
            job.band(0, height);
        } else {
            List<ForkJoinTask<?>> tasks = new ArrayList<>(bands);
            for (int b = 0; b < bands; b++) {
                int y0 = (int) ((long) height * b / bands);
                int y1 = (int) ((long) height * (b + 1) / bands);
                tasks.add(ForkJoinTask.adapt(() -> job.band(y0, y1)));
            }
            POOL.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
        }
        return target;
    }

    /** The image itself when it is a plain packed RGB/ARGB image, else a converted copy. */
    private static BufferedImage packed(BufferedImage src) {
        int type = src.getType();
        if ((type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB) && plainRaster(src)) {
            return src;
        }
        int targetType = src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage copy = new BufferedImage(src.getWidth(), src.getHeight(), targetType);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** True when the raster's int[] holds exactly this image, row after row (not a sub-image view). */
    private static boolean plainRaster(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        return raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getOffset() == 0 && buffer.getNumBanks() == 1;
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    private static boolean opaque(int[] argb) {
        for (int p : argb) {
            if ((p >>> 24) != 0xff) {
                return false;
            }
        }
        return true;
    }

    private static ForkJoinWorkerThread daemonWorker(ForkJoinPool pool) {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setDaemon(true);
        thread.setName("flowpack-lanczos-" + thread.getPoolIndex());
        return thread;
    }
}
