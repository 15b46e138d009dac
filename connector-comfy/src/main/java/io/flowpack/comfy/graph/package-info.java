/**
 * ComfyUI API-format prompts: parsing and validation with ComfyUI's error shapes ({@link PromptValidator}), and
 * execution of the validated graph — output nodes and their ancestors in topological order, list semantics,
 * outputs cached between prompts by input signature, interruption and per-node events ({@link GraphExecutor}).
 */
package io.flowpack.comfy.graph;
