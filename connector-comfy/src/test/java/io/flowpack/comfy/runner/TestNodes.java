package io.flowpack.comfy.runner;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.ImageBatch;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeDefinition;
import io.flowpack.comfy.node.NodeException;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.node.OutputSpec;
import io.flowpack.comfy.testsupport.SimulatedWork;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Small real nodes for the runner's tests: they compute, write files, fail and honour interrupts. */
final class TestNodes {

    /** Calls of {@link ConstantImage}, to see what the cache saved. */
    final AtomicInteger constantCalls = new AtomicInteger();
    final AtomicInteger saveCalls = new AtomicInteger();

    NodeRegistry registry() {
        return new NodeRegistry()
                .register(new ConstantImage())
                .register(new SaveTest())
                .register(new Slow())
                .register(new Fail())
                .register(new Pick())
                .register(new Repeat())
                .register(new CountItems())
                .register(new Custom())
                .register(new Sleep());
    }

    private static NodeDefinition declare(String classType, List<InputSpec> required, List<OutputSpec> outputs,
                                             boolean outputNode, boolean inputIsList) {
        return new NodeDefinition(classType, classType, "testing", "", required, List.of(), outputs, outputNode,
                inputIsList);
    }

    /** {@code TestConstantImage}: an image of one grey value. */
    final class ConstantImage implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestConstantImage", List.of(
                    InputSpec.widget("width", "INT", Map.of("default", 8, "min", 1, "max", 4096)),
                    InputSpec.widget("height", "INT", Map.of("default", 8, "min", 1, "max", 4096)),
                    InputSpec.widget("value", "FLOAT", Map.of("default", 0.5, "min", 0.0, "max", 1.0))),
                    List.of(OutputSpec.of("IMAGE")), false, false);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) {
            constantCalls.incrementAndGet();
            int width = ((Number) inputs.get("width")).intValue();
            int height = ((Number) inputs.get("height")).intValue();
            float[] pixels = new float[width * height * 3];
            Arrays.fill(pixels, ((Number) inputs.get("value")).floatValue());
            return NodeOutput.of(new ImageBatch(width, height, List.of(pixels)));
        }
    }

    /** {@code TestSave}: writes each image as PNG into the output folder. */
    final class SaveTest implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestSave", List.of(InputSpec.link("images", "IMAGE"),
                    InputSpec.widget("filename_prefix", "STRING", Map.of("default", "test"))), List.<OutputSpec>of(), true, false);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
            int call = saveCalls.incrementAndGet();
            ImageBatch batch = (ImageBatch) inputs.get("images");
            List<Object> images = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                String name = inputs.get("filename_prefix") + "_" + call + "_" + i + ".png";
                write(batch, i, context.outputDirectory().resolve(name));
                images.add(Map.of("filename", name, "subfolder", "", "type", "output"));
            }
            return new NodeOutput(List.of(), Map.of("images", images));
        }
    }

    static void write(ImageBatch batch, int index, Path file) throws NodeException {
        BufferedImage image = new BufferedImage(batch.width(), batch.height(), BufferedImage.TYPE_INT_RGB);
        float[] pixels = batch.images().get(index);
        for (int p = 0; p < batch.width() * batch.height(); p++) {
            int r = Math.round(pixels[p * 3] * 255);
            int g = Math.round(pixels[p * 3 + 1] * 255);
            int b = Math.round(pixels[p * 3 + 2] * 255);
            image.setRGB(p % batch.width(), p / batch.width(), (r << 16) | (g << 8) | b);
        }
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new NodeException("cannot write " + file, e);
        }
    }

    /** {@code TestSlow}: passes the image through in {@code steps} steps of 40 ms with progress and previews. */
    static final class Slow implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestSlow", List.of(InputSpec.link("image", "IMAGE"),
                    InputSpec.widget("steps", "INT", Map.of("default", 5, "min", 1, "max", 10000))),
                    List.of(OutputSpec.of("IMAGE")), false, false);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
            int steps = ((Number) inputs.get("steps")).intValue();
            for (int i = 1; i <= steps; i++) {
                pause(context, 40);
                context.progress(i, steps);
                if (i == 1) {
                    context.preview(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
                }
            }
            return NodeOutput.of(inputs.get("image"));
        }
    }

    /** Simulated work of {@code millis}, ended by an interrupt ({@link SimulatedWork}). */
    static void pause(NodeContext context, long millis) throws NodeException {
        SimulatedWork.work(context, millis);
    }

    /** {@code TestFail}: always throws a {@code ValueError}. */
    static final class Fail implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestFail", List.of(InputSpec.link("image", "IMAGE"),
                    InputSpec.widget("message", "STRING", Map.of("default", "boom"))),
                    List.of(OutputSpec.of("IMAGE")), false, false);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
            throw new NodeException((String) inputs.get("message"), null, "ValueError");
        }
    }

    /** {@code TestPick}: a combo, for value_not_in_list. */
    static final class Pick implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestPick", List.of(InputSpec.link("image", "IMAGE"),
                    InputSpec.combo("mode", List.of("keep", "drop"), Map.of())), List.of(OutputSpec.of("IMAGE")),
                    false, false);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) {
            return NodeOutput.of(inputs.get("image"));
        }
    }

    /** {@code TestRepeat}: an {@code output_is_list} IMAGE output with {@code count} items. */
    static final class Repeat implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestRepeat", List.of(InputSpec.link("image", "IMAGE"),
                    InputSpec.widget("count", "INT", Map.of("default", 3, "min", 1, "max", 100))),
                    List.of(new OutputSpec("IMAGE", "IMAGE", true)), false, false);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < ((Number) inputs.get("count")).intValue(); i++) {
                items.add(inputs.get("image"));
            }
            return NodeOutput.of(items);
        }
    }

    /** {@code TestCountItems}: an INPUT_IS_LIST output node reporting how many items it got. */
    static final class CountItems implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestCountItems", List.of(InputSpec.link("images", "IMAGE")), List.<OutputSpec>of(), true, true);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) {
            List<?> images = (List<?>) inputs.get("images");
            return new NodeOutput(List.of(), Map.of("text", List.of(String.valueOf(images.size()))));
        }
    }

    /** {@code TestCustom}: custom validation refuses the name "bad". */
    static final class Custom implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestCustom", List.of(InputSpec.widget("name", "STRING", Map.of())), List.<OutputSpec>of(), true, false);
        }

        @Override
        public List<String> validateInputs(Map<String, Object> literalInputs, NodeContext context) {
            return "bad".equals(literalInputs.get("name")) ? List.of("the name 'bad' is not allowed") : List.of();
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) {
            return new NodeOutput(List.of(), Map.of("text", List.of((String) inputs.get("name"))));
        }
    }

    /** {@code TestSleep}: waits {@code millis} without reporting progress (interruptible). */
    static final class Sleep implements ComfyNode {
        @Override
        public NodeDefinition definition() {
            return declare("TestSleep", List.of(InputSpec.link("image", "IMAGE"),
                    InputSpec.widget("millis", "INT", Map.of("default", 100, "min", 0, "max", 60000))),
                    List.of(OutputSpec.of("IMAGE")), false, false);
        }

        @Override
        public NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException {
            long end = System.currentTimeMillis() + ((Number) inputs.get("millis")).longValue();
            while (System.currentTimeMillis() < end) {
                pause(context, 20);
            }
            return NodeOutput.of(inputs.get("image"));
        }
    }
}
