package io.flowpack.deploy.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The settings of a test server: its own data folder (blobs, H2 file database) and the test's route files. */
final class JobTestApp {

    private JobTestApp() {
    }

    static Map<String, String> properties(Path dataDir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("flowpack.data-dir", dataDir.toString());
        properties.put("flowpack.routes-dir", routesDir(dataDir).toString());
        properties.put("flowpack.routes-reload", "false");
        return properties;
    }

    /** {@code <dataDir>/routes} holding the YAML templates of {@code job-test-routes/}, as ops would drop them. */
    static Path routesDir(Path dataDir) {
        Path routes = dataDir.resolve("routes");
        copyRoute("job-test-routes/jobs.yaml", routes);
        return routes;
    }

    static Path copyRoute(String resource, Path folder) {
        try (InputStream in = JobTestApp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + resource + " is missing");
            }
            Files.createDirectories(folder);
            Path target = folder.resolve(Path.of(resource).getFileName().toString());
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
