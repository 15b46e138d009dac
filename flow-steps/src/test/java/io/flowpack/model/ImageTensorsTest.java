package io.flowpack.model;

import io.flowpack.model.tensor.ImageTensors;
import io.flowpack.model.tensor.PixelTransform;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ImageTensorsTest {
    /** 3×2 pixels: R = 10·x, G = 10·y, B = 100 + x + y. */
    private static final int[] IMAGE = new int[6];

    static {
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 3; x++) {
                IMAGE[y * 3 + x] = 0xff000000 | (10 * x) << 16 | (10 * y) << 8 | (100 + x + y);
            }
        }
    }

    private static final PixelTransform LEVELS = new PixelTransform(new float[]{1, 1, 1}, new float[]{0, 0, 0});

    @Test
    void packsChannelsFirstOrLast() {
        float[] nchw = new float[18];
        float[] nhwc = new float[18];
        ImageTensors.packRgb(IMAGE, 3, 2, 0, 0, 3, 2, TensorLayout.NCHW, LEVELS, nchw);
        ImageTensors.packRgb(IMAGE, 3, 2, 0, 0, 3, 2, TensorLayout.NHWC, LEVELS, nhwc);

        assertThat(nchw).containsExactly(0, 10, 20, 0, 10, 20, 0, 0, 0, 10, 10, 10, 100, 101, 102, 101, 102, 103);
        assertThat(nhwc).containsExactly(0, 0, 100, 10, 0, 101, 20, 0, 102, 0, 10, 101, 10, 10, 102, 20, 10, 103);
    }

    @Test
    void padsByReflectingAtTheImageEdge() {
        float[] tensor = new float[3 * 5 * 3];
        ImageTensors.packRgb(IMAGE, 3, 2, 1, 0, 5, 3, TensorLayout.NCHW, LEVELS, tensor);

        // red of row 0: x = 1, 2, then reflected 1, 0, 1
        assertThat(java.util.Arrays.copyOfRange(tensor, 0, 5)).containsExactly(10, 20, 10, 0, 10);
        // green of row 2 reflects row 0
        assertThat(tensor[15 + 10]).isEqualTo(0);
        assertThat(ImageTensors.reflect(-1, 4)).isEqualTo(1);
        assertThat(ImageTensors.reflect(4, 4)).isEqualTo(2);
        assertThat(ImageTensors.reflect(7, 4)).isEqualTo(1);
        assertThat(ImageTensors.reflect(5, 1)).isZero();
    }

    @Test
    void mapsLevelsThroughRangeMeanAndStd() {
        ModelManifest manifest = ManifestReader.read(new ByteArrayInputStream("""
                {"name": "n", "file": "n.onnx", "inputs": [{"name": "x", "role": "image", "layout": "NCHW"}],
                 "outputs": [{"name": "y", "role": "image", "layout": "NCHW"}], "inputRange": [0, 1],
                 "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "outputRange": [-1, 1]}"""
                .getBytes(StandardCharsets.UTF_8)), "n");
        PixelTransform in = PixelTransform.forInput(manifest);
        PixelTransform out = PixelTransform.forOutput(manifest);

        assertThat(255 * in.gain()[0] + in.offset()[0]).isCloseTo((1 - 0.485f) / 0.229f, within(1e-5f));
        assertThat(0 * in.gain()[2] + in.offset()[2]).isCloseTo(-0.406f / 0.225f, within(1e-5f));
        assertThat(-1 * out.gain()[0] + out.offset()[0]).isCloseTo(0f, within(1e-4f));
        assertThat(1 * out.gain()[1] + out.offset()[1]).isCloseTo(255f, within(1e-4f));
    }

    @Test
    void aMaskIsItsBrightestChannelOverWhite() {
        int[] mask = {0xff000000, 0xffffffff, 0xff800000, 0xff000080};
        float[] tensor = new float[4];
        ImageTensors.packMask(mask, 2, 2, 0, 0, 2, 2, tensor);

        assertThat(tensor).containsExactly(0f, 1f, 128 / 255f, 128 / 255f);
    }
}
