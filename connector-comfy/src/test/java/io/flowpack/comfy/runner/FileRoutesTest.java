package io.flowpack.comfy.runner;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** /upload/image, /upload/mask and /view: naming rules, and no way out of the folders. */
class FileRoutesTest extends RunnerTestBase {

    @Override
    RunnerSettings settings(RunnerSettings defaults) {
        return defaults.withMaxUploadBytes(256 * 1024);
    }

    static byte[] png(int width, int height, int argb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A multipart body with the file part and plain fields. */
    static HttpRequest.Builder multipart(String url, String fileName, byte[] content, String... fields) {
        String boundary = "----flowpack" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private RunnerClient.Response upload(String path, String name, byte[] content, String... fields) throws Exception {
        return client.send(multipart("http://127.0.0.1:" + runner.port() + path, name, content, fields));
    }

    @Test
    void uploadDedupesByContentAndNumbersClashes() throws Exception {
        byte[] red = png(4, 4, 0xFFFF0000);
        byte[] blue = png(4, 4, 0xFF0000FF);
        JsonNode first = upload("/upload/image", "photo.png", red).json();
        assertThat(first.toString()).isEqualTo("{\"name\":\"photo.png\",\"subfolder\":\"\",\"type\":\"input\"}");
        assertThat(upload("/upload/image", "photo.png", red).json().path("name").asText()).isEqualTo("photo.png");
        assertThat(upload("/upload/image", "photo.png", blue).json().path("name").asText()).isEqualTo("photo (1).png");
        assertThat(upload("/api/upload/image", "photo.png", png(4, 4, 0xFF00FF00), "subfolder", "", "type", "input")
                .json().path("name").asText()).isEqualTo("photo (2).png");
        JsonNode overwritten = upload("/upload/image", "photo.png", blue, "overwrite", "true").json();
        assertThat(overwritten.path("name").asText()).isEqualTo("photo.png");
        assertThat(Files.readAllBytes(runner.settings().inputDirectory().resolve("photo.png"))).isEqualTo(blue);
        JsonNode nested = upload("/upload/image", "a.png", red, "subfolder", "clipspace", "type", "temp").json();
        assertThat(nested.toString()).isEqualTo("{\"name\":\"a.png\",\"subfolder\":\"clipspace\",\"type\":\"temp\"}");
        assertThat(runner.settings().tempDirectory().resolve("clipspace/a.png")).exists();
    }

    @Test
    void viewServesFilesAndChannels() throws Exception {
        upload("/upload/image", "half.png", png(3, 2, 0x80FF0000));
        HttpResponse<byte[]> file = client.getBytes("/view?filename=half.png&type=input&subfolder=&rand=0.3");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(file.body()).isEqualTo(Files.readAllBytes(runner.settings().inputDirectory().resolve("half.png")));
        HttpResponse<byte[]> annotated = client.getBytes("/api/view?filename=half.png%20%5Binput%5D");
        assertThat(annotated.statusCode()).isEqualTo(200);
        BufferedImage rgb = ImageIO.read(new ByteArrayInputStream(client.getBytes("/view?filename=half.png&type=input&channel=rgb").body()));
        assertThat(rgb.getColorModel().hasAlpha()).isFalse();
        assertThat(rgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        BufferedImage alpha = ImageIO.read(new ByteArrayInputStream(client.getBytes("/view?filename=half.png&type=input&channel=a").body()));
        assertThat(alpha.getRGB(1, 1) >>> 24).isEqualTo(0x80);
        HttpResponse<byte[]> preview = client.getBytes("/view?filename=half.png&type=input&preview=webp;90");
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(ImageIO.read(new ByteArrayInputStream(preview.body())).getWidth()).isEqualTo(3);
        assertThat(client.getBytes("/view?filename=missing.png&type=input").statusCode()).isEqualTo(404);
        assertThat(client.getBytes("/view?type=input").statusCode()).isEqualTo(404);
        assertThat(client.getBytes("/view?filename=half.png&type=models").statusCode()).isEqualTo(400);
    }

    @Test
    void viewRefusesEveryWayOutOfItsFolder() throws Exception {
        Path secret = dataDir.resolve("secret.txt");
        Files.writeString(secret, "top secret");
        Files.createSymbolicLink(runner.settings().inputDirectory().resolve("link.txt"), secret);
        Files.createSymbolicLink(runner.settings().inputDirectory().resolve("outside"), dataDir);
        assertThat(client.getBytes("/view?filename=../secret.txt&type=input").statusCode()).isEqualTo(400);
        assertThat(client.getBytes("/view?filename=%2e%2e%2fsecret.txt&type=input").statusCode()).isEqualTo(400);
        assertThat(client.getBytes("/view?filename=%2Fetc%2Fpasswd").statusCode()).isEqualTo(400);
        assertThat(client.getBytes("/view?filename=..%5Csecret.txt&type=input").statusCode()).isEqualTo(400);
        assertThat(client.getBytes("/view?filename=secret.txt&type=input&subfolder=..").statusCode()).isEqualTo(403);
        assertThat(client.getBytes("/view?filename=secret.txt&type=input&subfolder=%2Ftmp").statusCode()).isEqualTo(403);
        assertThat(client.getBytes("/view?filename=secret.txt&type=input&subfolder=a/../../").statusCode()).isEqualTo(403);
        assertThat(client.getBytes("/view?filename=link.txt&type=input").statusCode()).isEqualTo(403);
        assertThat(client.getBytes("/view?filename=secret.txt&type=input&subfolder=outside").statusCode()).isEqualTo(403);
        assertThat(client.getBytes("/userdata/..%2F..%2Fsecret.txt").statusCode()).isIn(400, 403);
    }

    @Test
    void uploadsCannotLeaveTheirFolder() throws Exception {
        byte[] image = png(2, 2, 0xFF000000);
        assertThat(upload("/upload/image", "../escape.png", image).status()).isEqualTo(400);
        assertThat(upload("/upload/image", "..\\escape.png", image).status()).isEqualTo(400);
        assertThat(upload("/upload/image", "ok.png", image, "subfolder", "../../x").status()).isEqualTo(400);
        assertThat(upload("/upload/image", "ok.png", image, "subfolder", "/tmp").status()).isEqualTo(400);
        assertThat(upload("/upload/image", "ok.png", image, "type", "models").status()).isEqualTo(400);
        assertThat(upload("/upload/image", "", image).status()).isEqualTo(400);
        Files.createSymbolicLink(runner.settings().inputDirectory().resolve("out"), dataDir);
        assertThat(upload("/upload/image", "ok.png", image, "subfolder", "out").status()).isEqualTo(403);
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("escape") || f.getFileName().toString().equals("ok.png")))
                    .isEmpty();
        }
    }

    @Test
    void oversizedUploadIsRefusedWith413() throws Exception {
        byte[] big = new byte[1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        Throwable failure = catchThrowable(() -> assertThat(upload("/upload/image", "big.png", big).status()).isEqualTo(413));
        if (failure != null) {
            // the server may also close the connection while the client is still sending; never a 200
            assertThat(failure).isInstanceOf(IOException.class);
        }
        try (var files = Files.list(runner.settings().inputDirectory())) {
            assertThat(files).isEmpty();
        }
        assertThat(upload("/upload/image", "small.png", png(2, 2, 0xFF000000)).status()).isEqualTo(200);
    }

    @Test
    void maskUploadMergesAlphaIntoTheOriginal() throws Exception {
        BufferedImage green = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D paint = green.createGraphics();
        paint.setColor(java.awt.Color.GREEN);
        paint.fillRect(0, 0, 4, 4);
        paint.dispose();
        Path original = dataDir.resolve("scene.png");
        PngTextChunks.write(green, java.util.Map.of("workflow", "{\"nodes\": [\"Straße\"]}"), original);
        upload("/upload/image", "scene.png", Files.readAllBytes(original));
        byte[] mask = png(4, 4, 0x20000000);
        JsonNode answer = upload("/upload/mask", "scene-mask.png", mask, "subfolder", "clipspace", "type", "input",
                "original_ref", "{\"filename\": \"scene.png\", \"subfolder\": \"\", \"type\": \"input\"}").json();
        assertThat(answer.path("name").asText()).isEqualTo("scene-mask.png");
        BufferedImage merged = ImageIO.read(runner.settings().inputDirectory().resolve("clipspace/scene-mask.png").toFile());
        assertThat(merged.getRGB(2, 2)).isEqualTo(0x2000FF00);
        assertThat(PngTextChunks.read(runner.settings().inputDirectory().resolve("clipspace/scene-mask.png")))
                .containsEntry("workflow", "{\"nodes\": [\"Straße\"]}");
        assertThat(upload("/upload/mask", "x.png", mask, "original_ref",
                "{\"filename\": \"../scene.png\", \"type\": \"input\"}").status()).isEqualTo(400);
    }
}
