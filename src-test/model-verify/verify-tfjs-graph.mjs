// Runs a TensorFlow.js graph model with all its signature outputs on the pure-JS CPU backend:
//   node verify-tfjs-graph.mjs <model.json> <input.f32> <d0,d1,d2,d3> <output folder>
// input.f32 is raw float32 little-endian in the layout the model's input has (NCHW or NHWC, as its signature says).
// Writes <output folder>/<output name>.f32 for each output (':' and '/' in names become '_') and prints one JSON
// line: tfjs version, backend, and each output's name, shape and file.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';

const [modelPath, inputPath, shapeText, outputFolder] = process.argv.slice(2);
if (!outputFolder) {
  console.error('usage: node verify-tfjs-graph.mjs <model.json> <input.f32> <d0,d1,d2,d3> <output folder>');
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
if (model.format !== 'graph-model') {
  console.error(`${modelPath} is a ${model.format}, not a graph-model`);
  process.exit(2);
}
const net = await tf.loadGraphModel(tf.io.fromMemory(model));
const shape = shapeText.split(',').map(Number);
const input = tf.tensor(readFloats(inputPath), shape, 'float32');
const names = net.outputs.map((o) => o.name);
const started = Date.now();
const results = [].concat(net.execute(input, names));
const millis = Date.now() - started;
fs.mkdirSync(outputFolder, { recursive: true });
const outputs = names.map((name, i) => {
  const file = path.join(outputFolder, `${name.replace(/[:/]/g, '_')}.f32`);
  writeFloats(file, results[i].dataSync());
  return { name, shape: results[i].shape, file };
});
const version = createRequire(import.meta.url)('@tensorflow/tfjs/package.json').version;
console.log(JSON.stringify({ tfjs: version, backend: tf.getBackend(), inputShape: shape, outputs, millis }));
