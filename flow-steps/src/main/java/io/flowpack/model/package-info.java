/**
 * The model layer shared by every model-backed step: which models exist, how they load, how images become tensors.
 *
 * <ul>
 *   <li>{@link io.flowpack.model.ModelManifest}: the {@code manifest.json} beside each ONNX file — name, task,
 *       inputs and outputs by role ({@code image}, {@code mask}, …) and layout (NCHW/NHWC), value ranges, mean/std,
 *       scale, preferred tiling, sha256, licence and source.</li>
 *   <li>{@link io.flowpack.model.ModelRegistry}: models by name — bundled ones on the class path
 *       ({@code flowpack/models/<name>/}, listed in {@code flowpack/models/index.txt}), those in the models folder
 *       (one subfolder per model), and user models by path.</li>
 *   <li>{@link io.flowpack.model.ModelSessions}: one ONNX Runtime session per model, loaded on first use, shared by
 *       all threads, closed on shutdown; {@link io.flowpack.model.ModelLoadException} names the model and the
 *       problem (missing file, not ONNX, sha256 mismatch, manifest and graph disagree).</li>
 *   <li>{@link io.flowpack.model.image.ImageToImageModel}: any image → image model (super-resolution, inpainting
 *       with a mask) run over an image of any size in blended tiles ({@link io.flowpack.model.tile}), with
 *       bulk pixel ↔ tensor conversion ({@link io.flowpack.model.tensor}).</li>
 * </ul>
 *
 * <p>Settings, read as system properties until the Spring properties of the same names are wired:
 * {@code flowpack.models-dir} — the models folder (unset: bundled models and paths only);
 * {@code flowpack.model-threads} — ONNX Runtime intra-op threads per session (default: all processors).
 *
 * <p>A user model, e.g. a Real-ESRGAN ×4 export, needs a manifest such as:
 * <pre>{@code
 * {"name": "realesrgan-x4plus", "task": "super-resolution", "file": "RealESRGAN_x4plus.onnx",
 *  "inputs": [{"name": "input", "role": "image", "layout": "NCHW"}],
 *  "outputs": [{"name": "output", "role": "image", "layout": "NCHW"}],
 *  "inputRange": [0, 1], "outputRange": [0, 1], "scale": 4, "tile": {"size": 256, "overlap": 16},
 *  "licence": "BSD-3-Clause"}
 * }</pre>
 * placed as {@code <models-dir>/realesrgan-x4plus/manifest.json} (then {@code model=realesrgan-x4plus}), or beside
 * the ONNX file as {@code RealESRGAN_x4plus.json} (then {@code model=/path/to/RealESRGAN_x4plus.onnx}). Without a
 * {@code sha256} the file is not checked, and its hash is still recorded in the audit.
 */
package io.flowpack.model;
