package io.flowpack.generate.onnx;

import ai.onnxruntime.OnnxTensor;
import io.flowpack.generate.GenerationException;

import java.util.Map;
import java.util.Set;

/**
 * One UNet evaluation over a batch of latents: {@code sample} [n,4,h,w], {@code timestep} (scalar or [k] of the
 * model's type), {@code encoder_hidden_states} [n,77,D] → {@code out_sample} [n,4,h,w]. A model exported with a fixed
 * batch size is run in chunks of that size.
 */
final class Unet {
    static final String SAMPLE = "sample";
    static final String TIMESTEP = "timestep";
    static final String HIDDEN = "encoder_hidden_states";
    static final String OUTPUT = "out_sample";
    /** LCM-distilled UNets: the guidance scale as an embedding, instead of classifier-free guidance. */
    static final String TIMESTEP_COND = "timestep_cond";
    static final Set<String> INPUTS = Set.of(SAMPLE, TIMESTEP, HIDDEN);

    private Unet() {
    }

    /** Fails early when the model was exported for a fixed latent size other than {@code h × w}. */
    static void checkSize(OnnxComponent unet, int h, int w) {
        long[] shape = unet.inputShape(SAMPLE);
        if (shape.length != 4 || (shape[1] > 0 && shape[1] != 4)) {
            throw new GenerationException("unet input 'sample' has shape " + java.util.Arrays.toString(shape)
                    + "; expected [batch, 4, height/8, width/8]");
        }
        if ((shape[2] > 0 && shape[2] != h) || (shape[3] > 0 && shape[3] != w)) {
            throw new GenerationException("this unet was exported for " + shape[3] * 8 + "×" + shape[2] * 8
                    + " images; set width and height to that");
        }
    }

    /**
     * @param sample latents of {@code n} items, C order
     * @param hidden {@code n} prompt encodings, {@code tokens × dim} each
     * @param guidanceEmbedding for a UNet with {@value #TIMESTEP_COND}: one row, used for every item; else null
     */
    static float[] predict(OnnxComponent unet, float[] sample, int n, int h, int w, double timestep, float[] hidden,
                           int tokens, int dim, float[] guidanceEmbedding) {
        long fixed = unet.inputShape(SAMPLE)[0];
        int chunk = fixed > 0 ? (int) fixed : n;
        if (n % chunk != 0) {
            throw new GenerationException("unet was exported for batches of " + chunk + ", cannot run " + n);
        }
        int latentSize = 4 * h * w;
        int hiddenSize = tokens * dim;
        float[] out = new float[n * latentSize];
        for (int from = 0; from < n; from += chunk) {
            boolean whole = chunk == n;
            float[] latentChunk = whole ? sample
                    : java.util.Arrays.copyOfRange(sample, from * latentSize, (from + chunk) * latentSize);
            float[] hiddenChunk = whole ? hidden
                    : java.util.Arrays.copyOfRange(hidden, from * hiddenSize, (from + chunk) * hiddenSize);
            try (OnnxTensor s = unet.floatInput(SAMPLE, latentChunk, chunk, 4, h, w);
                 OnnxTensor t = timestepTensor(unet, timestep, chunk);
                 OnnxTensor e = unet.floatInput(HIDDEN, hiddenChunk, chunk, tokens, dim);
                 OnnxTensor c = guidanceEmbedding == null ? null : rows(unet, guidanceEmbedding, chunk)) {
                Map<String, OnnxTensor> inputs = c == null ? Map.of(SAMPLE, s, TIMESTEP, t, HIDDEN, e)
                        : Map.of(SAMPLE, s, TIMESTEP, t, HIDDEN, e, TIMESTEP_COND, c);
                float[] result = unet.run(inputs, OUTPUT, new long[]{chunk, 4, h, w});
                if (whole) {
                    return result;
                }
                System.arraycopy(result, 0, out, from * latentSize, result.length);
            }
        }
        return out;
    }

    /** {@code row} repeated for each of {@code n} items: [n, row length]. */
    private static OnnxTensor rows(OnnxComponent unet, float[] row, int n) {
        float[] all = new float[n * row.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row, 0, all, i * row.length, row.length);
        }
        return unet.floatInput(TIMESTEP_COND, all, n, row.length);
    }

    /**
     * diffusers' {@code get_guidance_scale_embedding(w)} for LCM: with v = w·1000 and k = 0 … dim/2 − 1,
     * {@code [sin(v·e^(−k·ln 10⁴/(dim/2 − 1))) …, cos(…) …]}, zero-padded to an odd {@code dim}.
     */
    static float[] guidanceEmbedding(double w, int dim) {
        int half = dim / 2;
        double step = Math.log(10000.0) / (half - 1);
        float[] embedding = new float[dim];
        for (int k = 0; k < half; k++) {
            double v = w * 1000.0 * Math.exp(-k * step);
            embedding[k] = (float) Math.sin(v);
            embedding[half + k] = (float) Math.cos(v);
        }
        return embedding;
    }

    /** The embedding width a UNet's {@value #TIMESTEP_COND} input declares. */
    static int guidanceEmbeddingSize(OnnxComponent unet) {
        long[] shape = unet.inputShape(TIMESTEP_COND);
        if (shape.length != 2 || shape[1] < 4) {
            throw new GenerationException("unet input 'timestep_cond' has shape " + java.util.Arrays.toString(shape)
                    + "; expected [batch, embedding size ≥ 4]");
        }
        return (int) shape[1];
    }

    static OnnxTensor timestepTensor(OnnxComponent unet, double timestep, int batch) {
        long[] declared = unet.inputShape(TIMESTEP);
        if (declared.length == 0) {
            return Tensors.number(unet.inputType(TIMESTEP), timestep, 1);
        }
        int count = declared[0] > 0 ? (int) declared[0] : batch;
        return Tensors.number(unet.inputType(TIMESTEP), timestep, count, count);
    }
}
