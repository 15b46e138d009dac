package io.flowpack.model.image;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.flowpack.model.LoadedModel;
import io.flowpack.model.ModelLoadException;
import io.flowpack.model.ModelManifest;
import io.flowpack.model.TensorSpec;
import io.flowpack.model.tensor.ImageTensors;
import io.flowpack.model.tensor.PixelTransform;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A RIFE-style frame-interpolation model: two frames and a time in, the frame at that time out. Its manifest declares
 * two {@code image} inputs (the earlier frame first), one {@value #TIME} input holding one float (shape {@code [1]},
 * {@code [1,1]} or {@code [1,1,1,1]}) and an {@code image} output of the inputs' size; ranges, mean/std and
 * {@code multipleOf} work as for {@link ImageToImageModel}. The whole frame is one tensor (motion needs the whole
 * picture), padded by reflection to the multiple and cropped back. Safe for concurrent use.
 */
public final class FrameInterpolationModel {
    /** The role of the time input. */
    public static final String TIME = "time";

    private final LoadedModel model;
    private final TensorSpec first;
    private final TensorSpec second;
    private final TensorSpec time;
    private final TensorSpec output;
    private final long[] timeShape;

    /** @throws ModelLoadException when the manifest does not describe a frame-interpolation model */
    public FrameInterpolationModel(LoadedModel model) {
        ModelManifest manifest = model.manifest();
        List<TensorSpec> images = manifest.inputs(TensorSpec.IMAGE);
        List<TensorSpec> times = manifest.inputs(TIME);
        if (images.size() != 2 || times.size() != 1 || manifest.inputs().size() != 3
                || manifest.output(TensorSpec.IMAGE).isEmpty() || manifest.scale() != 1) {
            throw new ModelLoadException("model '" + model.name() + "' is not a frame-interpolation model: it needs "
                    + "two image inputs, one time input, an image output and scale 1; its manifest declares inputs "
                    + manifest.inputs() + ", outputs " + manifest.outputs() + " and scale " + manifest.scale());
        }
        this.model = model;
        this.first = images.get(0);
        this.second = images.get(1);
        this.time = times.get(0);
        this.output = manifest.output(TensorSpec.IMAGE).orElseThrow();
        long[] shape = model.signature().shape(time.name());
        this.timeShape = Arrays.stream(shape).map(d -> d < 0 ? 1 : d).toArray();
        if (Arrays.stream(timeShape).reduce(1, (x, y) -> x * y) != 1) {
            throw new ModelLoadException("model '" + model.name() + "': time input '" + time.name() + "' has shape "
                    + Arrays.toString(shape) + "; it must hold one value");
        }
    }

    public LoadedModel model() {
        return model;
    }

    /**
     * @param a      the earlier frame, packed RGB, {@code width × height}
     * @param b      the later frame, same size
     * @param t      the time in [0, 1] between them
     * @return the interpolated frame, packed RGB
     * @throws ModelRunException when ONNX Runtime fails or the output has the wrong size
     */
    public int[] interpolate(int[] a, int[] b, int width, int height, float t) {
        int multiple = model.manifest().multipleOf();
        int tw = (width + multiple - 1) / multiple * multiple;
        int th = (height + multiple - 1) / multiple * multiple;
        PixelTransform in = PixelTransform.forInput(model.manifest());
        float[] va = new float[3 * tw * th];
        float[] vb = new float[3 * tw * th];
        ImageTensors.packRgb(a, width, height, 0, 0, tw, th, first.layout(), in, va);
        ImageTensors.packRgb(b, width, height, 0, 0, tw, th, second.layout(), in, vb);
        OrtEnvironment env = model.environment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(first.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(va), first.layout().shape(3, th, tw)));
            inputs.put(second.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(vb),
                    second.layout().shape(3, th, tw)));
            inputs.put(time.name(), OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[]{t}), timeShape));
            try (OrtSession.Result result = model.session().run(inputs)) {
                OnnxValue value = result.get(output.name()).orElseThrow();
                FloatBuffer values = ((OnnxTensor) value).getFloatBuffer();
                if (values.remaining() != 3 * tw * th) {
                    throw new ModelRunException("model '" + model.name() + "' returned " + values.remaining()
                            + " values for a " + tw + "×" + th + " frame (expected " + 3 * tw * th + ")", null);
                }
                float[] out = new float[values.remaining()];
                values.get(out);
                return unpack(out, width, height, tw, th);
            }
        } catch (OrtException e) {
            throw new ModelRunException("model '" + model.name() + "' failed on a " + width + "×" + height
                    + " frame at t=" + t + ": " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private int[] unpack(float[] values, int width, int height, int tw, int th) {
        PixelTransform map = PixelTransform.forOutput(model.manifest());
        float gain = map.gain()[0];
        float offset = map.offset()[0];
        int plane = tw * th;
        boolean planar = output.layout() == io.flowpack.model.TensorLayout.NCHW;
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * tw + x;
                float r = planar ? values[i] : values[3 * i];
                float g = planar ? values[plane + i] : values[3 * i + 1];
                float b = planar ? values[2 * plane + i] : values[3 * i + 2];
                rgb[y * width + x] = (level(r, gain, offset) << 16) | (level(g, gain, offset) << 8)
                        | level(b, gain, offset);
            }
        }
        return rgb;
    }

    private static int level(float v, float gain, float offset) {
        int l = Math.round(v * gain + offset);
        return l < 0 ? 0 : Math.min(255, l);
    }
}
