package io.flowpack.morph;

import java.util.Map;

/**
 * Makes every frame of a morph from a prompt schedule in one run — the {@code comfy} method: an AnimateDiff +
 * {@code BatchPromptSchedule} workflow on a ComfyUI server, where a motion model keeps the frames coherent and the
 * schedule's weights blend the prompts per frame. Implementations live beside their server's client (e.g.
 * connector-comfy); the {@code morph} step finds them by {@link #name()} = the {@link MorphMethod} in lower case.
 */
public interface AnimationBackend {

    /** The method name it serves, e.g. {@code comfy}. */
    String name();

    /**
     * Makes {@code request.frames()} frames and hands each, in order, to {@link AnimationListener#frame}.
     *
     * @return what the audit should record of the run (server, template, prompt ids, …)
     * @throws AnimationException                         for a request the server refuses or a run that fails
     * @throws java.util.concurrent.CancellationException when the listener cancels
     */
    Map<String, Object> animate(AnimationRequest request, AnimationListener listener);
}
