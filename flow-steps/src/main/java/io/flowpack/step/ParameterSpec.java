package io.flowpack.step;

import java.util.List;

/**
 * The machine-readable form of one {@link Param}: what ComfyUI node inputs, Camel option docs and
 * the REST API's descriptor are made from.
 *
 * @param name         the record component name, e.g. {@code factor}
 * @param type         one of {@code int}, {@code long}, {@code float}, {@code boolean}, {@code string}, {@code enum}
 * @param defaultValue the default, typed (Integer, Double, Boolean, String) or null
 * @param min          smallest allowed number or null
 * @param max          largest allowed number or null
 * @param allowed      allowed values for enums and restricted strings, empty otherwise
 * @param description  one line
 */
public record ParameterSpec(String name, String type, Object defaultValue, Double min, Double max,
                            List<String> allowed, String description) {
}
