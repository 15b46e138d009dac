package io.flowpack.comfy.node;

/**
 * One node output.
 *
 * @param type   {@code IMAGE}, {@code MASK}, {@code INT}, … ({@code output})
 * @param name   {@code output_name}
 * @param isList {@code output_is_list}: the value is a {@link java.util.List} whose items feed downstream nodes
 *               one call each
 */
public record OutputSpec(String type, String name, boolean isList) {

    public static OutputSpec of(String type) {
        return new OutputSpec(type, type, false);
    }
}
