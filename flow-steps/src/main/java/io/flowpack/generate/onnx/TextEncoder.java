package io.flowpack.generate.onnx;

import ai.onnxruntime.OnnxTensor;
import io.flowpack.generate.GenerationException;

import java.util.Map;

/** Prompt → token ids → {@code last_hidden_state} [77, D] of the CLIP text encoder. */
final class TextEncoder {
    static final String INPUT = "input_ids";
    static final String OUTPUT = "last_hidden_state";

    private TextEncoder() {
    }

    /** The hidden states of one prompt, {@code tokens × D} floats (remembered for the pipeline's recent prompts). */
    static float[] encode(DiffusersPipeline pipeline, String prompt) {
        return pipeline.encodings().computeIfAbsent(prompt, p -> run(pipeline, p));
    }

    private static float[] run(DiffusersPipeline pipeline, String prompt) {
        OnnxComponent encoder = pipeline.textEncoder();
        int[] ids = pipeline.tokenizer().encode(prompt);
        try (OnnxTensor input = Tensors.integers(encoder.inputType(INPUT), ids, 1, ids.length)) {
            float[] hidden = encoder.run(Map.of(INPUT, input), OUTPUT, null);
            if (hidden.length == 0 || hidden.length % ids.length != 0) {
                throw new GenerationException("text_encoder returned " + hidden.length + " values for " + ids.length
                        + " tokens; expected tokens × hidden size");
            }
            return hidden;
        }
    }
}
