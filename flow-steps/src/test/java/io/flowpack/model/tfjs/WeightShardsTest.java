package io.flowpack.model.tfjs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Weight shards decode to the values TensorFlow.js would load, whatever the stored type. */
class WeightShardsTest {
    @TempDir
    Path folder;

    @Test
    void float16WeightsDecodeExactly() throws Exception {
        // 1, -2.5, 65504 (largest half), 2^-24 (smallest subnormal), 2^-14 (smallest normal), 0.333 rounded, -0, +inf
        short[] bits = {0x3C00, (short) 0xC100, 0x7BFF, 0x0001, 0x0400, 0x3555, (short) 0x8000, 0x7C00};
        Path modelJson = TfjsFixture.layersModel("in").float16Weight("w", bits, 2, 4).write(folder);

        TfjsWeight weight = TfjsModelFile.read(modelJson).weight("w");

        assertThat(weight.shape()).containsExactly(2, 4);
        assertThat(weight.floats()).containsExactly(1f, -2.5f, 65504f, 0x1p-24f, 0x1p-14f, 0.33325195f, -0f,
                Float.POSITIVE_INFINITY);
    }

    @Test
    void float16DtypeWithoutQuantizationIsHalfPrecisionToo() throws Exception {
        Path modelJson = TfjsFixture.layersModel("in").float16Weight("w", new short[]{0x4200, (short) 0xBC00}, 2)
                .write(folder);
        ObjectNode root = (ObjectNode) TfjsFixture.JSON.readTree(modelJson.toFile());
        ObjectNode spec = (ObjectNode) root.path("weightsManifest").get(0).path("weights").get(0);
        spec.remove("quantization");
        spec.put("dtype", "float16");
        TfjsFixture.JSON.writeValue(modelJson.toFile(), root);

        TfjsWeight weight = TfjsModelFile.read(modelJson).weight("w");

        assertThat(weight.floats()).containsExactly(3f, -1f);
    }

    @Test
    void uint8QuantizedWeightsAreScaledAndShifted() throws Exception {
        Path modelJson = TfjsFixture.layersModel("in")
                .uint8Weight("q", new byte[]{0, 1, (byte) 128, (byte) 255}, 0.5f, -1f, 4)
                .weight("after", new float[]{7f}, 1)
                .write(folder);

        TfjsModelFile model = TfjsModelFile.read(modelJson);

        assertThat(model.weight("q").floats()).containsExactly(-1f, -0.5f, 63f, 126.5f);
        assertThat(model.weight("after").floats()).containsExactly(7f); // offsets stay right after a 1-byte type
    }

    @Test
    void int32ConstantsStayIntegers() throws Exception {
        Path modelJson = TfjsFixture.graphModel().intConstant("paddings", new int[]{0, 0, 1, 2, 3, 4, 0, 0}, 4, 2)
                .write(folder);

        TfjsWeight weight = TfjsModelFile.read(modelJson).weight("paddings");

        assertThat(weight.isFloat()).isFalse();
        assertThat(weight.asInts()).containsExactly(0, 0, 1, 2, 3, 4, 0, 0);
    }

    @Test
    void aShardShorterThanTheManifestSaysIsAnError() throws Exception {
        Path modelJson = TfjsFixture.layersModel("in").weight("w", new float[]{1, 2, 3}, 3).write(folder);
        Files.write(folder.resolve("group1-shard1of1.bin"), new byte[8]);

        assertThatThrownBy(() -> TfjsModelFile.read(modelJson))
                .isInstanceOf(TfjsImportException.class)
                .hasMessageContaining("weight shards end inside weight 'w' (12 bytes needed, 8 left)");
    }

    @Test
    void halfFloatConversionMatchesEveryRepresentableValue() {
        for (int bits = 0; bits < 0x7C00; bits++) { // every finite positive half
            int exponent = bits >>> 10;
            int mantissa = bits & 0x3FF;
            double expected = exponent == 0 ? mantissa * Math.pow(2, -24) : (1 + mantissa / 1024.0) * Math.pow(2, exponent - 15);
            assertThat((double) HalfFloat.toFloat(bits)).isCloseTo(expected, within(0.0));
            assertThat(HalfFloat.toFloat(bits | 0x8000)).isEqualTo((float) -expected);
        }
        assertThat(HalfFloat.toFloat(0x7E00)).isNaN();
    }
}
