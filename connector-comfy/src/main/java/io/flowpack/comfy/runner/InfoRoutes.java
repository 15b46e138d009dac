package io.flowpack.comfy.runner;

import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.InputSpec;
import io.flowpack.comfy.node.NodeInfo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /object_info}, {@code /system_stats}, {@code /features}, {@code /models}, {@code /embeddings},
 * {@code /extensions} and the small start-up endpoints of the web frontend, answered with ComfyUI's shapes (empty
 * values where flowpack has nothing to offer).
 */
final class InfoRoutes {

    /** ComfyUI v0.3.64's model folder keys, and AnimateDiff-Evolved's {@code animatediff_models}. */
    static final List<String> MODEL_FOLDERS = List.of("checkpoints", "configs", "loras", "vae", "text_encoders",
            "diffusion_models", "clip_vision", "style_models", "embeddings", "diffusers", "vae_approx", "controlnet",
            "gligen", "upscale_models", "custom_nodes", "hypernetworks", "photomaker", "classifiers", "model_patches",
            "audio_encoders", "animatediff_models");

    /** Which loader input lists the files of a model folder. */
    private static final Map<String, String[]> FOLDER_LOADERS = Map.of(
            "upscale_models", new String[]{"UpscaleModelLoader", "model_name"},
            "checkpoints", new String[]{"CheckpointLoaderSimple", "ckpt_name"},
            "animatediff_models", new String[]{"ADE_AnimateDiffLoaderGen1", "model_name"});

    private final RunnerCore core;

    InfoRoutes(RunnerCore core) {
        this.core = core;
    }

    void register(Router router) {
        router.get("object_info", this::objectInfo)
                .get("object_info/{}", this::objectInfoOne)
                .get("system_stats", call -> call.json(systemStats()))
                .get("features", call -> call.json(core.featureFlags()))
                .get("embeddings", call -> call.json(List.of()))
                .get("models", call -> call.json(MODEL_FOLDERS))
                .get("models/{}", this::models)
                .get("extensions", call -> call.json(extensions()))
                .get("i18n", call -> call.json(Map.of()))
                .get("workflow_templates", call -> call.json(Map.of()))
                .get("global_subgraphs", call -> call.json(Map.of()))
                .get("node_replacements", call -> call.json(Map.of()))
                .get("experiment/models", call -> call.json(List.of()))
                .get("experiment/models/{}", call -> call.json(List.of()))
                .get("internal/folder_paths", call -> call.json(Map.of()))
                .get("internal/files/{}", this::internalFiles)
                .get("internal/logs", call -> call.json(""))
                .get("internal/logs/raw", call -> call.json(Json.ordered("entries", List.of(),
                        "size", Json.ordered("cols", 80, "rows", 24))))
                .add("PATCH", "internal/logs/subscribe", call -> call.empty(200));
    }

    private void objectInfo(Call call) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ComfyNode node : core.registry().all()) {
            all.put(node.definition().classType(), NodeInfo.of(node.definition()));
        }
        call.json(all);
    }

    private void objectInfoOne(Call call) throws IOException {
        Map<String, Object> one = new LinkedHashMap<>();
        core.registry().find(call.param(0)).ifPresent(n -> one.put(n.definition().classType(), NodeInfo.of(n.definition())));
        call.json(one);
    }

    private void models(Call call) throws IOException {
        String folder = call.param(0);
        if (!MODEL_FOLDERS.contains(folder)) {
            call.empty(404);
            return;
        }
        String[] loader = FOLDER_LOADERS.get(folder);
        List<String> files = new ArrayList<>();
        if (loader != null) {
            core.registry().find(loader[0]).map(n -> n.definition().input(loader[1])).map(InputSpec::choices)
                    .ifPresent(files::addAll);
        }
        call.json(files);
    }

    private Map<String, Object> systemStats() {
        Map<String, Object> system = new LinkedHashMap<>();
        long total = 0;
        long free = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize();
            free = os.getFreeMemorySize();
        }
        system.put("os", "posix");
        system.put("ram_total", total);
        system.put("ram_free", free);
        system.put("comfyui_version", "0.3.64");
        system.put("python_version", "flowpack graph runner on Java " + Runtime.version());
        system.put("pytorch_version", "");
        system.put("embedded_python", false);
        system.put("argv", List.of("flowpack"));
        Map<String, Object> cpu = new LinkedHashMap<>();
        cpu.put("name", "cpu");
        cpu.put("type", "cpu");
        cpu.put("index", null);
        cpu.put("vram_total", 0);
        cpu.put("vram_free", 0);
        cpu.put("torch_vram_total", 0);
        cpu.put("torch_vram_free", 0);
        return Json.ordered("system", system, "devices", List.of(cpu));
    }

    /** The frontend's {@code extensions/**.js} files as URLs. */
    private List<String> extensions() throws IOException {
        Path root = core.settings().frontEndRoot();
        if (root == null || !Files.isDirectory(root.resolve("extensions"))) {
            return List.of();
        }
        Path extensions = root.resolve("extensions");
        try (Stream<Path> files = Files.walk(extensions, 8)) {
            return files.filter(f -> f.toString().endsWith(".js") && Files.isRegularFile(f))
                    .map(f -> "/extensions/" + extensions.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private void internalFiles(Call call) throws IOException {
        Path folder = Folders.byType(core.settings(), call.param(0));
        if (folder == null) {
            call.json(400, Map.of("error", "Invalid directory type"));
            return;
        }
        if (!Files.isDirectory(folder)) {
            call.json(List.of());
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            call.json(files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path f) -> f.toFile().lastModified()).reversed())
                    .map(f -> f.getFileName().toString()).toList());
        }
    }
}
