// Runs a TensorFlow.js model (layers or graph format) on the pure-JS CPU backend:
//   node verify-tfjs.mjs <model.json> <input.f32> <N,H,W,C> <output.f32>
// input.f32 and output.f32 are raw float32 little-endian, NHWC. Prints one JSON line: tfjs version, backend, shapes.
// Files are read directly (tf.io.fromMemory): tfjs' own http loader cannot fetch file:// URLs in Node.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';

const [modelPath, inputPath, shapeText, outputPath] = process.argv.slice(2);
if (!outputPath) {
  console.error('usage: node verify-tfjs.mjs <model.json> <input.f32> <N,H,W,C> <output.f32>');
  process.exit(2);
}

function artifacts(modelJson) {
  const json = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const folder = path.dirname(modelJson);
  const shards = json.weightsManifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(folder, p))));
  const bytes = Buffer.concat(shards);
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
    userDefinedMetadata: json.userDefinedMetadata,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  };
}

function readFloats(file) {
  const bytes = fs.readFileSync(file);
  const floats = new Float32Array(bytes.byteLength / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < floats.length; i++) floats[i] = view.getFloat32(i * 4, true);
  return floats;
}

function writeFloats(file, floats) {
  const bytes = Buffer.alloc(floats.length * 4);
  for (let i = 0; i < floats.length; i++) bytes.writeFloatLE(floats[i], i * 4);
  fs.writeFileSync(file, bytes);
}

await tf.setBackend('cpu');
await tf.ready();
const model = artifacts(modelPath);
const handler = tf.io.fromMemory(model);
const net = model.format === 'graph-model' ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
const shape = shapeText.split(',').map(Number);
const input = tf.tensor(readFloats(inputPath), shape, 'float32');
const started = Date.now();
const output = net.predict(input);
const result = Array.isArray(output) ? output[0] : output;
writeFloats(outputPath, result.dataSync());
const version = createRequire(import.meta.url)('@tensorflow/tfjs/package.json').version;
console.log(JSON.stringify({
  tfjs: version, backend: tf.getBackend(), format: model.format, inputShape: shape, outputShape: result.shape,
  millis: Date.now() - started,
}));
