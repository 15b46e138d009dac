package io.flowpack.model.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.flowpack.imaging.Pixels;
import io.flowpack.model.LoadedModel;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelManifest;
import io.flowpack.model.TensorSpec;
import io.flowpack.model.tensor.ImageTensors;
import io.flowpack.model.tensor.PixelTransform;
import io.flowpack.model.tile.BandAccumulator;
import io.flowpack.model.tile.FeatherWeights;
import io.flowpack.model.tile.TilePlan;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs any image → image model its manifest describes — super-resolution, inpainting (image + mask in), frame
 * restoration — on an image of any size, tile by tile. The manifest names the image input, the optional mask
 * input and the image output by role, with their layouts, value ranges and the scale; nothing is hard-coded.
 *
 * <p>Tiles overlap and are blended with {@link FeatherWeights} into a {@link BandAccumulator}, so the result has
 * no seams and only one row of tiles is held as float. Each tile is packed into one reused direct buffer that
 * backs the input tensor, and the model writes into one reused direct output buffer (ONNX Runtime's pinned
 * outputs), so a tile costs no allocation. Progress is reported after each tile; cancellation is checked before
 * each. An instance holds no per-run state and may be shared by threads.
 */
public final class ImageToImageModel {
    private final LoadedModel model;
    private final TensorSpec image;
    private final TensorSpec mask;
    private final TensorSpec output;

    /** @throws ModelLoadException when the manifest does not describe an image → image model */
    public ImageToImageModel(LoadedModel model) {
        ModelManifest manifest = model.manifest();
        List<TensorSpec> images = manifest.inputs(TensorSpec.IMAGE);
        List<TensorSpec> masks = manifest.inputs(TensorSpec.MASK);
        if (images.size() != 1 || masks.size() > 1 || images.size() + masks.size() != manifest.inputs().size()
                || manifest.output(TensorSpec.IMAGE).isEmpty()) {
            throw new ModelLoadException("model '" + model.name() + "' is not an image-to-image model: it needs one "
                    + "image input, at most one mask input and an image output; its manifest declares inputs "
                    + manifest.inputs() + " and outputs " + manifest.outputs());
        }
        this.model = model;
        this.image = images.get(0);
        this.mask = masks.isEmpty() ? null : masks.get(0);
        this.output = manifest.output(TensorSpec.IMAGE).orElseThrow();
    }

    public LoadedModel model() {
        return model;
    }

    public int scale() {
        return model.manifest().scale();
    }

    public boolean needsMask() {
        return mask != null;
    }

    /** How an image of this size would be tiled with these options. */
    public TilePlan plan(int width, int height, TileOptions options) {
        ModelManifest manifest = model.manifest();
        int size = options.size() > 0 ? options.size()
                : manifest.tile() != null ? manifest.tile().size() : TilePlan.DEFAULT_SIZE;
        int overlap = options.overlap() > 0 ? options.overlap()
                : manifest.tile() != null ? manifest.tile().overlap() : TilePlan.DEFAULT_OVERLAP;
        return TilePlan.of(width, height, size, overlap, manifest.multipleOf(),
                model.signature().fixedWidth(image), model.signature().fixedHeight(image));
    }

    /** Runs the model over the whole image; see {@link #run(BufferedImage, BufferedImage, TileOptions, TileProgress, BooleanSupplier)}. */
    public Result run(BufferedImage source, TileOptions options) {
        return run(source, null, options, TileProgress.NONE, () -> false);
    }

    /**
     * @param source    any image; its RGB is used (alpha is the caller's to handle)
     * @param maskImage the mask for models with a mask input (same size; white = fill), else null
     * @return an RGB image {@code scale} times the source's size, and the tiling used
     * @throws CancellationException when {@code cancelled} turned true between tiles
     * @throws ModelRunException     when ONNX Runtime fails on a tile
     */
    public Result run(BufferedImage source, BufferedImage maskImage, TileOptions options, TileProgress progress,
                      BooleanSupplier cancelled) {
        if (needsMask() != (maskImage != null)) {
            throw new IllegalArgumentException(needsMask()
                    ? "model '" + model.name() + "' needs a mask" : "model '" + model.name() + "' takes no mask");
        }
        BufferedImage rgb = Pixels.toIntRgb(source);
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        if (maskImage != null && (maskImage.getWidth() != width || maskImage.getHeight() != height)) {
            throw new IllegalArgumentException("mask is " + maskImage.getWidth() + "×" + maskImage.getHeight()
                    + " but the image is " + width + "×" + height);
        }
        int[] maskPixels = maskImage == null ? null : Pixels.argb(Pixels.toIntRgb(maskImage));
        TilePlan plan = plan(width, height, options);
        int scale = scale();
        BufferedImage result = Pixels.create(width * scale, height * scale, false);
        try (TileRun run = new TileRun(plan, scale)) {
            run.all(Pixels.argb(rgb), width, height, maskPixels, Pixels.argb(result), progress, cancelled);
        } catch (OrtException e) {
            throw new ModelRunException("model '" + model.name() + "': cannot create tensors: " + e.getMessage(), e);
        }
        return new Result(result, plan);
    }

    /** The upscaled (or restored) image and how it was tiled. */
    public record Result(BufferedImage image, TilePlan tiling) {
    }

    /** The buffers and tensors of one run, reused for every tile. */
    private final class TileRun implements AutoCloseable {
        private final TilePlan plan;
        private final int scale;
        private final float[] input;
        private final FloatBuffer inputBuffer;
        private final OnnxTensor inputTensor;
        private final float[] maskValues;
        private final FloatBuffer maskBuffer;
        private final OnnxTensor maskTensor;
        private final float[] outputValues;
        private final FloatBuffer outputBuffer;
        private final OnnxTensor outputTensor;
        private final Map<String, OnnxTensor> inputs = new HashMap<>();

        TileRun(TilePlan plan, int scale) throws OrtException {
            this.plan = plan;
            this.scale = scale;
            OrtEnvironment env = model.environment();
            int tw = plan.tensorWidth();
            int th = plan.tensorHeight();
            input = new float[3 * tw * th];
            inputBuffer = direct(input.length);
            inputTensor = OnnxTensor.createTensor(env, inputBuffer, image.layout().shape(3, th, tw));
            inputs.put(image.name(), inputTensor);
            if (mask != null) {
                maskValues = new float[tw * th];
                maskBuffer = direct(maskValues.length);
                maskTensor = OnnxTensor.createTensor(env, maskBuffer, mask.layout().shape(1, th, tw));
                inputs.put(mask.name(), maskTensor);
            } else {
                maskValues = null;
                maskBuffer = null;
                maskTensor = null;
            }
            outputValues = new float[3 * tw * scale * th * scale];
            outputBuffer = direct(outputValues.length);
            outputTensor = OnnxTensor.createTensor(env, outputBuffer, output.layout().shape(3, th * scale, tw * scale));
        }

        void all(int[] pixels, int width, int height, int[] maskPixels, int[] result, TileProgress progress,
                 BooleanSupplier cancelled) {
            PixelTransform in = PixelTransform.forInput(model.manifest());
            PixelTransform out = PixelTransform.forOutput(model.manifest());
            float[][] weightsX = FeatherWeights.of(plan.x(), plan.overlap(), scale);
            float[][] weightsY = FeatherWeights.of(plan.y(), plan.overlap(), scale);
            BandAccumulator band = new BandAccumulator(result, width * scale, height * scale,
                    plan.y().extent() * scale, out.gain()[0], out.offset()[0]);
            int total = plan.count();
            int done = 0;
            for (int row = 0; row < plan.y().count(); row++) {
                int y0 = plan.y().start(row);
                band.moveTo(y0 * scale);
                for (int column = 0; column < plan.x().count(); column++) {
                    if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("model '" + model.name() + "' cancelled after " + done
                                + " of " + total + " tiles");
                    }
                    int x0 = plan.x().start(column);
                    ImageTensors.packRgb(pixels, width, height, x0, y0, plan.tensorWidth(), plan.tensorHeight(),
                            image.layout(), in, input);
                    inputBuffer.clear().put(input);
                    if (maskPixels != null) {
                        ImageTensors.packMask(maskPixels, width, height, x0, y0, plan.tensorWidth(),
                                plan.tensorHeight(), maskValues);
                        maskBuffer.clear().put(maskValues);
                    }
                    infer(done, total);
                    outputBuffer.clear().get(outputValues);
                    band.add(outputValues, output.layout(), plan.tensorWidth() * scale, plan.tensorHeight() * scale,
                            x0 * scale, y0 * scale, weightsX[column], weightsY[row]);
                    progress.tileDone(++done, total);
                }
            }
            band.finish();
        }

        private void infer(int tile, int total) {
            try (OrtSession.Result ignored = model.session().run(inputs, Map.of(output.name(), outputTensor))) {
                // the model wrote into outputBuffer
            } catch (OrtException e) {
                throw new ModelRunException("model '" + model.name() + "' failed on tile " + (tile + 1) + " of " + total
                        + " (" + plan.describe() + ", expecting a " + plan.tensorWidth() * scale + "×"
                        + plan.tensorHeight() * scale + " output for scale " + scale + "): " + e.getMessage(), e);
            }
        }

        private static FloatBuffer direct(int floats) {
            return ByteBuffer.allocateDirect(floats * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }

        @Override
        public void close() {
            inputTensor.close();
            if (maskTensor != null) {
                maskTensor.close();
            }
            outputTensor.close();
        }
    }
}
