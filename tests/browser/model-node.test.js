// The sentence model on demand in Node: loadModel() reads the asset from disk, ONNX Runtime Web
// (WebAssembly) runs it, and a paraphrase the lexical router gets wrong goes to the right feature;
// a missing or corrupt asset rejects with MODEL_UNAVAILABLE and the swarm keeps answering.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importPackage } from './node-harness.js';
import { modelDir, paraphrase } from './model-asset.js';
import { report } from './report.js';

const elex = await importPackage();
const swarms = [];
const scratch = [];
after(async () => {
  for (const swarm of swarms) await swarm.shutdown();
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function swarmOf() {
  const swarm = await elex.createSwarm({ enableIndexedDB: false });
  swarms.push(swarm);
  return swarm;
}

test('Node: loadModel reports progress, and the model routes a paraphrase the lexical router gets wrong', async () => {
  const swarm = await swarmOf();
  const before = await swarm.query(paraphrase.text);
  assert.notEqual(before.featureCode, paraphrase.expect, 'without the model the paraphrase goes elsewhere');
  assert.equal((await swarm.modelStatus()).state, 'none');

  const events = [];
  const started = performance.now();
  const status = await swarm.loadModel({ url: modelDir(), onProgress: (e) => events.push(e) });
  report('node-model-load', { ms: Math.round(performance.now() - started), bytes: status.bytes, encodedFeatures: status.encodedFeatures });
  assert.equal(status.state, 'ready');
  const manifest = JSON.parse(await readFile(join(modelDir(), 'manifest.json'), 'utf8'));
  assert.equal(status.modelId, manifest.modelId, 'the status names the model the asset holds');
  assert.match(status.modelId, /^arctic-embed-xs\//);
  assert.equal(status.encodedFeatures, 0, 'the shipped vectors cover the sample catalog');
  const downloads = events.filter((e) => e.phase === 'download');
  assert.ok(downloads.length >= 4, 'a progress event per file at least');
  assert.deepEqual(downloads.map((e) => e.loaded), [...downloads.map((e) => e.loaded)].sort((a, b) => a - b), 'progress only grows');
  assert.equal(downloads.at(-1).loaded, downloads.at(-1).total);
  assert.deepEqual([events[0].phase, events.at(-1).phase], ['manifest', 'ready']);

  const after = await swarm.query(paraphrase.text);
  assert.equal(after.featureCode, paraphrase.expect);
  assert.ok(after.evidence.some((e) => e.includes('similarity')), after.evidence.join('; '));
  // A question that names its feature is still settled by exact evidence.
  assert.equal((await swarm.query('which counters show MSM is working?')).featureCode, 'FAJ 121 3094');
});

test('Node: a model asset that is not there rejects with MODEL_UNAVAILABLE and the swarm keeps answering lexically', async () => {
  const swarm = await swarmOf();
  const missing = join(tmpdir(), 'elex-no-model-here');
  await assert.rejects(swarm.loadModel({ url: missing }), (e) => e.code === 'MODEL_UNAVAILABLE' && e.message.includes('manifest.json') && e.message.includes('lexical'));
  const status = await swarm.modelStatus();
  assert.equal(status.state, 'failed');
  assert.match(status.error, /manifest\.json/);
  assert.equal((await swarm.query('which counters show MSM is working?')).featureCode, 'FAJ 121 3094');
  await assert.rejects(swarm.loadModel({}), (e) => e.code === 'INVALID_CONFIG');
});

test('Node: a corrupt model file rejects naming it, and a good asset loads afterwards', async () => {
  const swarm = await swarmOf();
  const source = modelDir();
  const dir = await mkdtemp(join(tmpdir(), 'elex-corrupt-model-'));
  scratch.push(dir);
  const manifest = JSON.parse(await readFile(join(source, 'manifest.json'), 'utf8'));
  const garbage = new TextEncoder().encode('this is not an ONNX graph');
  await writeFile(join(dir, 'model.onnx'), garbage);
  for (const file of [manifest.files.vocab.path, manifest.files.vectors.path]) await copyFile(join(source, file), join(dir, file));
  // The runtime stays where the good asset has it (a path may be any URL).
  manifest.files.runtime.path = pathToFileURL(join(source, manifest.files.runtime.path)).href;
  manifest.files.runtime.wasm.path = pathToFileURL(join(source, manifest.files.runtime.wasm.path)).href;
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, files: { ...manifest.files, model: { path: 'model.onnx', bytes: garbage.length } } }));
  await assert.rejects(swarm.loadModel({ url: dir }), (e) => e.code === 'MODEL_UNAVAILABLE' && e.message.includes('model.onnx is not a model ONNX Runtime can load'));
  assert.notEqual((await swarm.query(paraphrase.text)).featureCode, paraphrase.expect);

  await writeFile(join(dir, 'model.onnx'), garbage.subarray(0, 5));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await assert.rejects(swarm.loadModel({ url: dir }), (e) => e.code === 'MODEL_UNAVAILABLE' && /model\.onnx has 5 bytes, the manifest says \d+/.test(e.message));

  const status = await swarm.loadModel({ url: source });
  assert.equal(status.state, 'ready');
  assert.equal((await swarm.query(paraphrase.text)).featureCode, paraphrase.expect);
});
