package io.flowpack.comfy.nodes.generate;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeInterruptedException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.nodes.Interruption;
import io.flowpack.comfy.nodes.NodeInputs;
import io.flowpack.comfy.nodes.Widgets;
import io.flowpack.generate.GenerationException;
import io.flowpack.generate.GenerationListener;
import io.flowpack.generate.onnx.LatentSampling;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * ComfyUI's {@code KSampler} on flowpack's ONNX pipeline: the latents are noised from the seed and denoised by the
 * checkpoint's UNet with classifier-free guidance ({@code cfg}), one progress report per step; an interrupt stops it
 * between steps. {@code denoise} below 1 samples the last {@code steps} of a {@code ⌊steps/denoise⌋}-step schedule
 * from the given latents (img2img after {@code VAEEncode}), as ComfyUI does. Seeds above 2³²−1 are folded to 32 bits
 * ({@code low ⊕ high}), since the noise is numpy's legacy generator; seeds up to 2³²−1 are used as they are.
 */
public final class KSamplerNode implements ComfyNode {
    static final String CLASS = "KSampler";
    private static final BigInteger MAX_SEED = new BigInteger("18446744073709551615");

    @Override
    public NodeDefinition definition() {
        Map<String, Object> seed = new LinkedHashMap<>();
        seed.put("default", 0);
        seed.put("min", 0);
        seed.put("max", MAX_SEED);
        seed.put("control_after_generate", true);
        seed.put("tooltip", "The random seed used for creating the noise.");
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("default", 8.0);
        cfg.put("min", 0.0);
        cfg.put("max", 100.0);
        cfg.put("step", 0.1);
        cfg.put("round", 0.01);
        return new NodeDefinition(CLASS, "KSampler", "sampling",
                "Uses the provided model, positive and negative conditioning to denoise the latent image.",
                List.of(Widgets.link("model", "MODEL", "The model used for denoising the input latent."),
                        InputSpec.widget("seed", "INT", seed),
                        Widgets.integer("steps", 20, 1, 10000, 1),
                        InputSpec.widget("cfg", "FLOAT", cfg),
                        Widgets.combo("sampler_name", SamplerChoices.SAMPLER_NAMES),
                        Widgets.combo("scheduler", SamplerChoices.SCHEDULER_NAMES),
                        Widgets.link("positive", "CONDITIONING", "The conditioning describing what to include."),
                        Widgets.link("negative", "CONDITIONING", "The conditioning describing what to exclude."),
                        Widgets.link("latent_image", "LATENT", "The latent image to denoise."),
                        Widgets.decimal("denoise", 1.0, 0.0, 1.0, 0.01)), List.of(),
                List.of(OutputSpec.of("LATENT")), false, false);
    }

    @Override
    public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
        NodeInputs in = new NodeInputs(CLASS, inputs);
        Checkpoint model = in.required("model", Checkpoint.class, "a MODEL");
        TextConditioning positive = in.required("positive", TextConditioning.class, "a CONDITIONING");
        TextConditioning negative = in.required("negative", TextConditioning.class, "a CONDITIONING");
        Latent latent = in.required("latent_image", Latent.class, "a LATENT");
        String sampler = in.choice("sampler_name", SamplerChoices.SAMPLER_NAMES);
        String scheduler = in.choice("scheduler", SamplerChoices.SCHEDULER_NAMES);
        if (positive.itemSize() != negative.itemSize()) {
            throw new NodeException(CLASS + ": positive and negative conditioning come from different text encoders ("
                    + positive.checkpoint() + ", " + negative.checkpoint() + ")", null, "ValueError");
        }
        LatentSampling.Request request = new LatentSampling.Request(positive.hidden(), negative.hidden(),
                latent.samples(), latent.batch(), latent.height(), latent.width(), seed(inputs.get("seed")),
                in.integer("steps"), in.number("cfg"), sampler,
                SamplerChoices.SPACINGS.get(scheduler), in.number("denoise"), positive.count(), negative.count());
        BooleanSupplier interrupted = Interruption.of(context);
        GenerationListener listener = new GenerationListener() {
            @Override
            public void step(int done, int total) {
                context.progress(done, total);
            }

            @Override
            public boolean cancelled() {
                return interrupted.getAsBoolean();
            }
        };
        try {
            float[] samples = LatentSampling.sample(model.pipeline(), request, model.motion(), listener);
            return NodeOutput.of(new Latent(latent.batch(), latent.height(), latent.width(), samples));
        } catch (CancellationException e) {
            context.checkInterrupted();
            throw new NodeInterruptedException();
        } catch (GenerationException | IllegalArgumentException e) {
            throw new NodeException(CLASS + ": " + e.getMessage(), e, "ValueError");
        }
    }

    /** The seed for numpy's generator: 0 … 2³²−1 as given, larger ones folded to 32 bits. */
    static long seed(Object value) throws NodeException {
        BigInteger seed;
        if (value instanceof BigInteger big) {
            seed = big;
        } else if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            seed = number instanceof Double || number instanceof Float
                    ? new java.math.BigDecimal(number.doubleValue()).toBigInteger() : BigInteger.valueOf(number.longValue());
        } else {
            throw new NodeException(CLASS + ": input 'seed' must be an integer, got " + value, null, "ValueError");
        }
        if (seed.signum() < 0 || seed.compareTo(MAX_SEED) > 0) {
            throw new NodeException(CLASS + ": seed must be 0…" + MAX_SEED + ", got " + seed, null, "ValueError");
        }
        long bits = seed.longValue();
        return (bits ^ (bits >>> 32)) & 0xFFFF_FFFFL;
    }
}
