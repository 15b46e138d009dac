package io.flowpack.bench.comfy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowpack.comfy.graph.NodeEnvironment;
import io.flowpack.comfy.graph.QuietNodeContext;
import io.flowpack.comfy.node.ComfyNode;
import io.flowpack.comfy.node.NodeContext;
import io.flowpack.comfy.node.NodeOutput;
import io.flowpack.comfy.node.NodeRegistry;
import io.flowpack.comfy.nodes.BuiltInNodes;
import io.flowpack.comfy.runner.ComfyRunner;
import io.flowpack.comfy.runner.RunnerSettings;
import io.flowpack.engine.StepRegistry;
import io.flowpack.imaging.ImageLimits;
import io.flowpack.model.ModelRegistry;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The graph runner's latency and load (issue 5, "Performance"):
 * <ol>
 *   <li>latency from {@code POST /prompt} to {@code executing {node: null}} on the WebSocket for
 *       LoadImage → ImageScaleBy (×2, bilinear) → SaveImage on a 512×512 PNG, p50/p99 — every prompt alternates
 *       between two uploaded images so all three nodes run each time; baseline: the same three nodes called
 *       directly in this JVM (no HTTP, WebSocket, queue or cache), and a fully cached rerun (protocol only);</li>
 *   <li>load: N WebSocket clients queue M prompts each at once; all must complete on their own socket, none lost,
 *       none delivered to another client; throughput in prompts per second.</li>
 * </ol>
 * Usage: {@code ComfyRunnerBenchmark <rounds> <clients> <promptsPerClient> <workDir>}
 */
public final class ComfyRunnerBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComfyRunnerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        int clients = Integer.parseInt(args[1]);
        int perClient = Integer.parseInt(args[2]);
        Path work = Path.of(args[3]);
        RunnerSettings settings = RunnerSettings.under(work).withPort(0);
        NodeRegistry nodes = BuiltInNodes.create(StepRegistry.discover(), ModelRegistry.standard(),
                settings.inputDirectory());
        HttpClient http = HttpClient.newHttpClient();
        try (ComfyRunner runner = ComfyRunner.start(settings, nodes)) {
            int port = runner.port();
            upload(http, port, "bench-a.png", testImage(0));
            upload(http, port, "bench-b.png", testImage(1));
            System.out.printf("graph runner benchmark: %s, %d cores, Java %s%n", runner.url(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            latency(http, port, rounds, new Direct(nodes, work));
            load(http, port, clients, perClient);
        }
    }

    /** Runner rounds interleaved with direct rounds on the same image, so both see the same machine load. */
    private static void latency(HttpClient http, int port, int rounds, Direct direct) throws Exception {
        BenchSocket socket = BenchSocket.open(http, port, "latency");
        int warmup = Math.max(5, rounds / 10);
        double[] full = new double[rounds];
        double[] baseline = new double[rounds];
        double[] cached = new double[rounds];
        for (int i = -warmup; i < rounds; i++) {
            String image = i % 2 == 0 ? "bench-a.png" : "bench-b.png";
            double ms = run(http, port, socket, prompt(image, 2.0));
            double directMs = direct.run(image);
            if (i >= 0) {
                full[i] = ms;
                baseline[i] = directMs;
            }
        }
        for (int i = 0; i < rounds; i++) {
            cached[i] = run(http, port, socket, prompt("bench-b.png", 2.0)); // same as the previous prompt
        }
        socket.close();
        report("POST /prompt → executing{node:null}, all 3 nodes run", full);
        report("baseline: the same 3 nodes called directly (no server)", baseline);
        report("POST /prompt → executing{node:null}, fully cached rerun", cached);
    }

    private static double run(HttpClient http, int port, BenchSocket socket, JsonNode prompt) throws Exception {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Long> done = socket.expect(id);
        long start = System.nanoTime();
        HttpResponse<String> response = post(http, port, "/prompt",
                Map.of("prompt", prompt, "client_id", "latency", "prompt_id", id));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("prompt refused: " + response.body());
        }
        long end = done.get(60, TimeUnit.SECONDS);
        return (end - start) / 1e6;
    }

    /** The same three nodes called one after the other in this JVM: the work without the protocol. */
    private static final class Direct {
        private final ComfyNode load;
        private final ComfyNode scale;
        private final ComfyNode save;
        private final NodeEnvironment environment;

        Direct(NodeRegistry nodes, Path work) throws IOException {
            load = nodes.find("LoadImage").orElseThrow();
            scale = nodes.find("ImageScaleBy").orElseThrow();
            save = nodes.find("SaveImage").orElseThrow();
            Path output = Files.createDirectories(work.resolve("baseline-output"));
            environment = new NodeEnvironment(work.resolve("input").toAbsolutePath(), output, output, ImageLimits.DEFAULT);
        }

        double run(String image) throws Exception {
            NodeContext context = new QuietNodeContext("baseline", "1", environment, null);
            long start = System.nanoTime();
            NodeOutput loaded = load.execute(Map.of("image", image), context);
            NodeOutput scaled = scale.execute(Map.of("image", loaded.values().get(0), "upscale_method", "bilinear",
                    "scale_by", 2.0), context);
            save.execute(Map.of("images", scaled.values().get(0), "filename_prefix", "baseline"), context);
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static void load(HttpClient http, int port, int clients, int perClient) throws Exception {
        List<BenchSocket> sockets = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            sockets.add(BenchSocket.open(http, port, "load-" + c));
        }
        ExecutorService posters = Executors.newFixedThreadPool(clients);
        Map<String, CompletableFuture<Long>> all = new HashMap<>();
        List<Future<?>> submitted = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < perClient; k++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                all.put(id, sockets.get(c).expect(id));
            }
            submitted.add(posters.submit(() -> {
                for (int k = 0; k < perClient; k++) {
                    double scaleBy = 2.0 + (client * perClient + k) * 1e-6; // distinct: ImageScaleBy and SaveImage run
                    HttpResponse<String> response = post(http, port, "/prompt", Map.of("prompt",
                            prompt(k % 2 == 0 ? "bench-a.png" : "bench-b.png", scaleBy),
                            "client_id", "load-" + client, "prompt_id", ids.get(k)));
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("prompt refused: " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : submitted) {
            f.get(10, TimeUnit.MINUTES);
        }
        int completed = 0;
        for (CompletableFuture<Long> future : all.values()) {
            try {
                future.get(10, TimeUnit.MINUTES);
                completed++;
            } catch (java.util.concurrent.TimeoutException e) {
                // counted as lost below
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        posters.shutdown();
        int foreign = sockets.stream().mapToInt(s -> s.foreign.size()).sum();
        int errors = sockets.stream().mapToInt(s -> s.errors.get()).sum();
        sockets.forEach(BenchSocket::close);
        System.out.printf("load: %d clients × %d prompts = %d queued, %d completed, %d lost, %d seen by another client,"
                        + " %d errors, %.1f s, %.1f prompts/s%n", clients, perClient, all.size(), completed,
                all.size() - completed, foreign, errors, seconds, completed / seconds);
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf("%-58s n=%d  p50 %.1f ms  p99 %.1f ms  mean %.1f ms%n", what, sorted.length,
                percentile(sorted, 0.50), percentile(sorted, 0.99), Arrays.stream(sorted).average().orElse(0));
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static JsonNode prompt(String image, double scaleBy) {
        Map<String, Object> prompt = new HashMap<>();
        prompt.put("1", Map.of("class_type", "LoadImage", "inputs", Map.of("image", image)));
        prompt.put("2", Map.of("class_type", "ImageScaleBy", "inputs", Map.of("image", List.of("1", 0),
                "upscale_method", "bilinear", "scale_by", scaleBy)));
        prompt.put("3", Map.of("class_type", "SaveImage", "inputs", Map.of("images", List.of("2", 0),
                "filename_prefix", "bench")));
        return JSON.valueToTree(prompt);
    }

    /** A 512×512 photo-like test image: smooth gradients with a pattern (compresses like a photo, not like noise). */
    static byte[] testImage(int variant) throws IOException {
        BufferedImage image = new BufferedImage(512, 512, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                int r = (x / 2 + variant * 40) & 0xFF;
                int g = (y / 2) & 0xFF;
                int b = (int) (128 + 127 * Math.sin((x + y) / 23.0 + variant)) & 0xFF;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void upload(HttpClient http, int port, String name, byte[] png) throws Exception {
        String boundary = "bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes());
        body.writeBytes(png);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/upload/image")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("upload failed: " + response.statusCode());
        }
    }

    private static HttpResponse<String> post(HttpClient http, int port, String path, Object body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
