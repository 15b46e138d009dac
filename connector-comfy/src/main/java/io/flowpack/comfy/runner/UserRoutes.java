package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The single user {@code default} of the web frontend: {@code /users}, {@code /settings} (the user's
 * {@code comfy.settings.json}) and {@code /userdata} (saved workflows and other files), all inside the user folder.
 */
final class UserRoutes {

    private static final String SETTINGS_FILE = "comfy.settings.json";

    private final RunnerCore core;

    UserRoutes(RunnerCore core) {
        this.core = core;
    }

    void register(Router router) {
        router.get("users", call -> call.json(Json.ordered("storage", "server", "migrated", true)))
                .post("users", call -> call.json(400, Map.of("error", "Multi-user mode is not enabled.")))
                .get("settings", call -> call.json(readSettings()))
                .get("settings/{}", call -> call.json(readSettings().get(call.param(0))))
                .post("settings", this::postSettings)
                .post("settings/{}", this::postSetting)
                .get("userdata", this::list)
                .get("userdata/{}", this::getFile)
                .post("userdata/{}", this::postFile)
                .add("DELETE", "userdata/{}", this::deleteFile)
                .post("userdata/{}/move/{}", this::move);
    }

    private Path userFolder() throws IOException {
        Path folder = core.settings().userDirectory().resolve("default");
        Files.createDirectories(folder);
        return folder;
    }

    private ObjectNode readSettings() throws IOException {
        Path file = userFolder().resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(file)) {
            return Json.object();
        }
        JsonNode settings = Json.MAPPER.readTree(file.toFile());
        return settings != null && settings.isObject() ? (ObjectNode) settings : Json.object();
    }

    private synchronized void writeSettings(ObjectNode settings) throws IOException {
        Path file = userFolder().resolve(SETTINGS_FILE);
        Path partial = Files.createTempFile(file.getParent(), ".settings-", ".part");
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), settings);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private synchronized void postSettings(Call call) throws IOException {
        JsonNode body = call.jsonBody();
        if (body == null || !body.isObject()) {
            throw new Call.BadRequest(400, "settings must be a JSON object");
        }
        ObjectNode settings = readSettings();
        settings.setAll((ObjectNode) body);
        writeSettings(settings);
        call.empty(200);
    }

    private synchronized void postSetting(Call call) throws IOException {
        JsonNode body = call.jsonBody();
        ObjectNode settings = readSettings();
        settings.set(call.param(0), body);
        writeSettings(settings);
        call.empty(200);
    }

    /** A path inside the user folder from a relative, possibly nested, client path. */
    private Path userPath(String relative) throws IOException {
        Path base = userFolder();
        if (relative == null || relative.isEmpty()) {
            throw new Call.BadRequest(400, "no path");
        }
        Path path = SafePaths.folder(base, relative);
        SafePaths.checkReal(base, path);
        return path;
    }

    private void list(Call call) throws IOException {
        String dir = call.query("dir");
        if (dir == null) {
            throw new Call.BadRequest(400, "dir is missing");
        }
        Path base = userFolder();
        Path folder = SafePaths.folder(base, dir);
        SafePaths.checkReal(base, folder);
        if (!Files.isDirectory(folder)) {
            call.empty(404);
            return;
        }
        boolean recurse = "true".equals(call.query("recurse"));
        boolean fullInfo = "true".equals(call.query("full_info"));
        boolean split = "true".equals(call.query("split"));
        List<Object> entries = new ArrayList<>();
        try (Stream<Path> files = recurse ? Files.walk(folder, 16) : Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = folder.relativize(file).toString().replace('\\', '/');
                if (fullInfo) {
                    Map<String, Object> info = new LinkedHashMap<>();
                    info.put("path", rel);
                    info.put("size", Files.size(file));
                    info.put("modified", Files.getLastModifiedTime(file).toMillis() / 1000.0);
                    entries.add(info);
                } else if (split) {
                    List<Object> parts = new ArrayList<>();
                    parts.add(rel);
                    parts.addAll(List.of(rel.split("/")));
                    entries.add(parts);
                } else {
                    entries.add(rel);
                }
            }
        }
        call.json(entries);
    }

    private void getFile(Call call) throws IOException {
        Path file = userPath(call.param(0));
        if (!Files.isRegularFile(file)) {
            call.empty(404);
            return;
        }
        call.response.setStatus(200);
        call.response.setContentType(file.toString().endsWith(".json") ? "application/json" : "application/octet-stream");
        call.response.setContentLengthLong(Files.size(file));
        Files.copy(file, call.response.getOutputStream());
    }

    private void postFile(Call call) throws IOException {
        Path file = userPath(call.param(0));
        boolean overwrite = !"false".equals(call.query("overwrite"));
        if (Files.exists(file) && !overwrite) {
            call.empty(409);
            return;
        }
        byte[] body = call.body((int) Math.min(Integer.MAX_VALUE - 8, core.settings().maxUploadBytes()));
        Files.createDirectories(file.getParent());
        SafePaths.checkReal(userFolder(), file.getParent());
        Files.write(file, body);
        answerFile(call, file);
    }

    private void deleteFile(Call call) throws IOException {
        Path file = userPath(call.param(0));
        if (!Files.isRegularFile(file)) {
            call.empty(404);
            return;
        }
        Files.delete(file);
        call.empty(204);
    }

    private void move(Call call) throws IOException {
        Path source = userPath(call.param(0));
        Path target = userPath(call.param(1));
        if (!Files.isRegularFile(source)) {
            call.empty(404);
            return;
        }
        boolean overwrite = !"false".equals(call.query("overwrite"));
        if (Files.exists(target) && !overwrite) {
            call.empty(409);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        answerFile(call, target);
    }

    private void answerFile(Call call, Path file) throws IOException {
        String rel = userFolder().relativize(file).toString().replace('\\', '/');
        if ("true".equals(call.query("full_info"))) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("path", rel);
            info.put("size", Files.size(file));
            info.put("modified", Files.getLastModifiedTime(file).toMillis() / 1000.0);
            call.json(info);
        } else {
            call.json(rel);
        }
    }
}
