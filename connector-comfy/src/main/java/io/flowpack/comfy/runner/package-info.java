/**
 * flowpack's ComfyUI-compatible server ("graph runner"): ComfyUI's HTTP routes (also under {@code /api}) and its
 * {@code /ws} WebSocket on an embedded Tomcat, a prompt queue with one worker thread, in-memory history, file
 * routes confined to their folders, optional bearer token, and an optional static web frontend.
 * Start one with {@link io.flowpack.comfy.runner.ComfyRunner#start}.
 */
package io.flowpack.comfy.runner;
