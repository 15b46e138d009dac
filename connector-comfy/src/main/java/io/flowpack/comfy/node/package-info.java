/**
 * The node SPI of flowpack's ComfyUI-compatible graph runner: a node is a declaration
 * ({@link NodeDefinition}: inputs, outputs, category) plus one function ({@link ComfyNode#execute}),
 * as in ComfyUI; the server derives {@code /object_info}, validation and execution from the declaration.
 */
package io.flowpack.comfy.node;
