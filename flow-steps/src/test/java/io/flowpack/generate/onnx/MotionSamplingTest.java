package io.flowpack.generate.onnx;

import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.context.ContextOptions;
import io.flowpack.generate.context.ContextSchedule;
import io.flowpack.generate.context.FuseMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sampling frames with a tiny motion UNet fixed to 8 frames: 20 frames run window by window (the model takes no
 * other count), a motion model without cross-frame mixing gives the image path's frames, and one that mixes makes
 * neighbouring frames closer than independent sampling does.
 */
class MotionSamplingTest {
    private static final int FRAMES = 20;
    private static final int CONTEXT = 8;
    private static final int H = 2;
    private static final int W = 3;

    @TempDir
    Path temp;
    private DiffusersPipeline pipeline;

    @BeforeEach
    void load() throws Exception {
        pipeline = DiffusersPipeline.load(new DiffusersFolder(TinyDiffusersModels.write(temp.resolve("tiny"))), 1);
    }

    @AfterEach
    void close() {
        pipeline.close();
    }

    private static ContextOptions looped(FuseMethod fuse) {
        return new ContextOptions(ContextSchedule.LOOPED_UNIFORM, CONTEXT, 1, 2, false, fuse, false);
    }

    private LatentSampling.Request request(int frames) {
        int size = LatentSampling.encodeText(pipeline, "apples").length;
        float[] positive = new float[frames * size];
        for (int f = 0; f < frames; f++) {          // per-frame conditioning: two prompts taking turns
            float[] one = LatentSampling.encodeText(pipeline, f % 2 == 0 ? "apples" : "pears");
            System.arraycopy(one, 0, positive, f * size, size);
        }
        return new LatentSampling.Request(positive, LatentSampling.encodeText(pipeline, ""), null, frames, H, W, 42,
                6, 7.5, "euler_ancestral", null, 1.0, frames, 1);
    }

    private MotionSampling motion(float self, float across, ContextOptions context) throws Exception {
        Path file = TinyMotionModels.write(temp.resolve("mm-" + self + "-" + across + ".onnx"), CONTEXT, self, across);
        return new MotionSampling(MotionModel.load(file, 1), context, 1.0, null);
    }

    @Test
    void aMotionModelThatDoesNotMixFramesGivesTheImagePathsFrames() throws Exception {
        float[] plain = LatentSampling.sample(pipeline, request(FRAMES), GenerationListener.NONE);
        for (FuseMethod fuse : FuseMethod.values()) {
            MotionSampling motion = motion(0.5f, 0f, looped(fuse));
            float[] windowed = LatentSampling.sample(pipeline, request(FRAMES), motion, GenerationListener.NONE);
            assertThat(windowed).hasSize(plain.length);
            for (int i = 0; i < plain.length; i++) {
                assertThat(windowed[i]).as("value %d with %s", i, fuse).isCloseTo(plain[i],
                        org.assertj.core.data.Offset.offset(1e-4f * Math.max(1, Math.abs(plain[i]))));
            }
        }
    }

    @Test
    void mixingFramesInsideTheWindowsMakesNeighboursCloser() throws Exception {
        float[] plain = LatentSampling.sample(pipeline, request(FRAMES), GenerationListener.NONE);
        float[] animated = LatentSampling.sample(pipeline, request(FRAMES), motion(1f, -0.5f, looped(FuseMethod.PYRAMID)),
                GenerationListener.NONE);
        double plainDistance = neighbourDistance(plain);
        double animatedDistance = neighbourDistance(animated);
        assertThat(animatedDistance).as("mean |frame f+1 − frame f|").isLessThan(0.8 * plainDistance);
    }

    @Test
    void motionScaleZeroIsThePlainUnetAndOtherScalesBlend() throws Exception {
        float[] plain = LatentSampling.sample(pipeline, request(FRAMES), GenerationListener.NONE);
        MotionSampling mixing = motion(1f, -0.5f, looped(FuseMethod.FLAT));
        MotionSampling none = new MotionSampling(mixing.model(), mixing.context(), 0, null);
        assertThat(LatentSampling.sample(pipeline, request(FRAMES), none, GenerationListener.NONE)).containsExactly(plain);
        MotionSampling half = new MotionSampling(mixing.model(), mixing.context(), 0.5, null);
        double halfDistance = neighbourDistance(LatentSampling.sample(pipeline, request(FRAMES), half,
                GenerationListener.NONE));
        double fullDistance = neighbourDistance(LatentSampling.sample(pipeline, request(FRAMES), mixing,
                GenerationListener.NONE));
        assertThat(halfDistance).isLessThan(neighbourDistance(plain)).isGreaterThan(fullDistance);
    }

    @Test
    void moreFramesThanTheExportTakesNeedContextWindows() throws Exception {
        MotionSampling noWindows = motion(0.5f, 0f, null);
        assertThatThrownBy(() -> LatentSampling.sample(pipeline, request(FRAMES), noWindows, GenerationListener.NONE))
                .isInstanceOf(GenerationException.class)
                .hasMessageContaining("was exported for 8 frames at a time but a context window has 20; "
                        + "set context_length to 8");
        ContextOptions sixteen = new ContextOptions(ContextSchedule.LOOPED_UNIFORM, 16, 1, 4, false, FuseMethod.FLAT,
                false);
        assertThatThrownBy(() -> LatentSampling.sample(pipeline, request(FRAMES),
                new MotionSampling(noWindows.model(), sixteen, 1, null), GenerationListener.NONE))
                .hasMessageContaining("context window has 16");
    }

    @Test
    void motionModelsWithOtherShapesAreRefusedOnLoading() throws Exception {
        Path plainUnet = temp.resolve("tiny/unet/model.onnx");
        assertThatThrownBy(() -> MotionModel.load(plainUnet, 1)).isInstanceOf(GenerationException.class)
                .hasMessageContaining("input 'sample' has shape [-1, 4, -1, -1]; expected [1, 4, frames, "
                        + "height/8, width/8]");
        Path text = Files.writeString(temp.resolve("not.onnx"), "no model");
        assertThatThrownBy(() -> MotionModel.load(text, 1)).hasMessageContaining("is not a valid ONNX model");
    }

    @Test
    void tooManyFramesAndAConditioningBatchOfAnotherSizeAreRefused() throws Exception {
        MotionSampling motion = motion(0.5f, 0f, looped(FuseMethod.FLAT));
        LatentSampling.Request three = new LatentSampling.Request(new float[3 * 77 * 4], new float[77 * 4], null,
                FRAMES, H, W, 1, 2, 7.5, "euler", null, 1.0, 3, 1);
        assertThatThrownBy(() -> LatentSampling.sample(pipeline, three, motion, GenerationListener.NONE))
                .hasMessageContaining("the positive conditioning holds 3 encodings but the latent batch has 20");
        LatentSampling.Request huge = new LatentSampling.Request(new float[77 * 4], new float[77 * 4], null,
                MotionSampling.MAX_FRAMES + 1, 1, 1, 1, 2, 7.5, "euler", null, 1.0);
        assertThatThrownBy(() -> LatentSampling.sample(pipeline, huge, motion, GenerationListener.NONE))
                .hasMessageContaining("4097 frames are more than the 4096 an animation may have");
    }

    @Test
    void cancellingStopsBetweenContextWindows() throws Exception {
        MotionSampling motion = motion(0.5f, 0f, looped(FuseMethod.FLAT));
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        GenerationListener cancelInSecondWindow = new GenerationListener() {
            @Override
            public void step(int done, int total) {
            }

            @Override
            public boolean cancelled() {
                return checks.incrementAndGet() == 3;   // 1: before the step, 2: first window, 3: second window
            }
        };
        assertThatThrownBy(() -> LatentSampling.sample(pipeline, request(FRAMES), motion, cancelInSecondWindow))
                .isInstanceOf(java.util.concurrent.CancellationException.class)
                .hasMessageContaining("between context windows");
    }

    /** The mean absolute difference between consecutive frames' latents. */
    private static double neighbourDistance(float[] latents) {
        int size = 4 * H * W;
        double sum = 0;
        for (int f = 0; f + 1 < FRAMES; f++) {
            for (int i = 0; i < size; i++) {
                sum += Math.abs(latents[(f + 1) * size + i] - latents[f * size + i]);
            }
        }
        return sum / ((FRAMES - 1) * size);
    }
}
