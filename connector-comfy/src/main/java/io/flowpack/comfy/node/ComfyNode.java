package io.flowpack.comfy.node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ComfyUI node type ({@code class_type}). Implementations are stateless and thread-safe; the runner
 * calls {@link #execute} once per node per prompt (or once per list element, see
 * {@link NodeDefinition#inputIsList()}).
 */
public interface ComfyNode {

    /** Name, inputs, outputs and flags, exactly as {@code /object_info} shows them. */
    NodeDefinition definition();

    /**
     * Runs the node.
     *
     * @param inputs the resolved inputs by name: literals as Integer/Long/Double/String/Boolean, linked values as
     *               the upstream output objects ({@link ImageBatch}, {@link MaskBatch}, model handles …);
     *               optional inputs that are absent are missing from the map
     * @param context progress, interruption, folders and previews of this run
     * @return the output values in declaration order, plus the UI part for {@code executed} / history
     */
    NodeOutput execute(Map<String, Object> inputs, NodeContext context) throws NodeException;

    /**
     * ComfyUI's {@code VALIDATE_INPUTS}: extra checks on the literal inputs before anything runs, e.g. that a
     * {@code LoadImage} file exists. Each returned string becomes a {@code custom_validation_failed} error.
     */
    default List<String> validateInputs(Map<String, Object> literalInputs, NodeContext context) {
        return List.of();
    }

    /**
     * The inputs {@link #validateInputs} checks itself. As in ComfyUI (whose validator skips the type, range and
     * combo checks of every input {@code VALIDATE_INPUTS} names), the runner leaves these to the node: e.g.
     * {@code LoadImage.image} may be {@code "x.png [output]"} or a file uploaded after the combo was listed.
     */
    default Set<String> selfValidatedInputs() {
        return Set.of();
    }

    /**
     * ComfyUI's {@code IS_CHANGED}: a token that changes when the node's result would change although its inputs
     * did not (e.g. the SHA-256 of the file {@code LoadImage} reads). {@code null} means "depends on the inputs
     * only", so the cached output is reused while the inputs stay the same.
     */
    default Object changeToken(Map<String, Object> literalInputs, NodeContext context) {
        return null;
    }
}
