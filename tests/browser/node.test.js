// The published WebAssembly swarm (src/Elex.Wasm) loaded and driven from Node: ESM and CommonJS,
// in memory (Node has no IndexedDB), the full catalog from disk, errors with codes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPackage, packageRoot, sharedCatalogDir } from './node-harness.js';
import { report } from './report.js';

const elex = await importPackage();
const swarms = [];
after(async () => {
  for (const swarm of swarms) await swarm.shutdown();
});

async function swarmOf(config) {
  const swarm = await elex.createSwarm(config);
  swarms.push(swarm);
  return swarm;
}

test('ESM: the swarm answers from the right agent, in memory, and says where it runs', async () => {
  const swarm = await swarmOf();
  const response = await swarm.query({ text: 'which counters show MSM is working?', type: elex.QueryType.Counter });
  assert.equal(response.featureCode, 'FAJ 121 3094');
  assert.ok(response.evidence.length > 0);
  assert.deepEqual({ host: elex.buildInfo().host, storage: elex.buildInfo().storage }, { host: 'node', storage: 'memory' });
  const stats = await swarm.getSwarmStats();
  assert.equal(stats.persistence.enabled, false);
});

test('ESM: a subscriber gets every response in order and nothing after unsubscribing', async () => {
  const swarm = await swarmOf();
  const seen = [];
  const stop = swarm.responses.subscribe((r) => seen.push(r.queryText));
  const questions = ['what is MSM?', 'how do I activate TTI bundling?', 'which KPIs show carrier aggregation works?'];
  for (const text of questions) await swarm.query(text);
  await new Promise((resolve) => setImmediate(resolve));
  stop();
  await swarm.query('one more after unsubscribing');
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(seen, questions);
  assert.equal(stop.stats().delivered, questions.length);
});

test('ESM: queryStream delivers the routed part first and done last, then completes', async () => {
  const swarm = await swarmOf();
  const parts = [];
  const ended = await new Promise((resolve) => {
    swarm.queryStream('set sleepMode to 2 for MSM on cell X').subscribe({ next: (p) => parts.push(p), error: (e) => resolve(e.code), complete: () => resolve('complete') });
  });
  assert.equal(ended, 'complete');
  const kinds = parts.map((p) => p.kind);
  const order = ['routed', 'section', 'verdict', 'done'];
  assert.deepEqual([...kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)), kinds);
  assert.deepEqual([kinds[0], kinds.at(-1)], ['routed', 'done']);
  assert.ok(kinds.includes('section') && kinds.includes('verdict'));
  assert.equal(parts[0].agentId, parts.at(-1).response.agentId);
  const disposedSwarm = await elex.createSwarm();
  await disposedSwarm.shutdown();
  const failed = await new Promise((resolve) => disposedSwarm.queryStream('what is MSM?').subscribe({ error: (e) => resolve(e.code), complete: () => resolve('complete') }));
  assert.equal(failed, 'SWARM_DISPOSED');
});

test('ESM: feedback teaches the agent (not durable without a store)', async () => {
  const swarm = await swarmOf();
  const response = await swarm.query('which counters show MSM is working?');
  const result = await swarm.feedback({ responseId: response.responseId, reward: 1, success: true });
  assert.equal(result.status, 'Applied');
  assert.equal(result.durable, false);
  const stats = await swarm.getAgentStats('FAJ 121 3094');
  assert.equal(stats.qTableEntries, 1);
});

test('ESM: a session answers a follow-up about the feature it is about, and sessions are independent', async () => {
  const swarm = await swarmOf();
  const followUp = 'and which alarms or counters should I watch once it is on?';
  const alone = await swarm.query(followUp);
  assert.notEqual(alone.featureCode, 'FAJ 121 3094');
  assert.equal(alone.resolvedFromContext, false);

  const chat = await swarm.createSession();
  const first = await chat.query('is MIMO Sleep Mode worth enabling on quiet rural sites?');
  assert.deepEqual([first.featureCode, first.resolvedFromContext], ['FAJ 121 3094', false]);
  const answer = await chat.query({ text: followUp });
  assert.deepEqual([answer.featureCode, answer.resolvedFromContext, answer.contextFeatures], ['FAJ 121 3094', true, ['FAJ 121 3094']]);
  assert.deepEqual(await chat.context(), [{ code: 'FAJ 121 3094', name: 'MIMO Sleep Mode' }]);

  const other = await swarm.createSession();
  assert.notEqual(other.id, chat.id);
  await other.query('what is TTI bundling good for?');
  assert.equal((await other.query(followUp)).featureCode, 'FAJ 121 2051');
  assert.equal((await chat.query(followUp)).featureCode, 'FAJ 121 3094');

  await chat.reset();
  assert.deepEqual(await chat.context(), []);
  await chat.close();
  await assert.rejects(chat.query(followUp), (error) => error.code === 'SESSION_CLOSED');
  assert.ok(elex.getSupportedFeatures().includes('sessions'));
});

test('asking for IndexedDB where there is none rejects with STORE_ERROR saying what to do', async () => {
  await assert.rejects(elex.createSwarm({ enableIndexedDB: true, databaseName: 'none' }), (error) => {
    assert.equal(error.code, 'STORE_ERROR');
    assert.match(error.message, /no IndexedDB here/);
    return true;
  });
});

test('a broken catalog rejects with INVALID_CATALOG naming what is wrong', async () => {
  await assert.rejects(elex.createSwarm({ catalog: '{"schema":"elex-catalog","features":[{"code":""}]}' }), (error) => {
    assert.equal(error.code, 'INVALID_CATALOG');
    assert.match(error.message, /catalog/);
    return true;
  });
  await assert.rejects(elex.createSwarm({ catalogUrl: join(packageRoot(), 'no-such-catalog.json') }), (error) => error.code === 'INVALID_CATALOG');
});

test('CommonJS: require() gives the same API', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['fixtures/cjs-client.cjs', packageRoot(), 'how do I activate MSM?'], { cwd: dirname(fileURLToPath(import.meta.url)), timeout: 120_000 });
  const answer = JSON.parse(stdout);
  assert.equal(answer.featureCode, 'FAJ 121 3094');
  // Node that can require() an ES module gets the whole API; older Node the async entry points.
  if (process.features.require_module) assert.equal(answer.hasQueryType, true);
});

const shared = sharedCatalogDir();
test('the full catalog from disk: routing accuracy and latency in Node', { skip: shared ? false : 'the shared catalog is not beside the repo' }, async () => {
  const started = performance.now();
  const swarm = await swarmOf({ catalogUrl: join(shared, 'elex-catalog.json') });
  const createMs = performance.now() - started;
  const lines = (await readFile(join(shared, 'dev-questions.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  // Every 5th question: a spread over all kinds, fast enough for CI.
  const sample = lines.filter((_, i) => i % 5 === 0);
  let top1 = 0;
  for (const q of sample) {
    const r = await swarm.query({ text: q.text });
    if (q.expect.includes(r.featureCode)) top1++;
  }
  const accuracy = top1 / sample.length;
  const route = await swarm.diagnostics.routeLatency(2000);
  report('node-full-catalog', { features: (await swarm.getSwarmStats()).totalAgents, createMs: Math.round(createMs), questions: sample.length, top1: Number(accuracy.toFixed(3)), routeP50Us: route.p50Us, routeP95Us: route.p95Us });
  assert.ok(accuracy >= 0.95, `top-1 ${accuracy} over ${sample.length} dev questions`);

  // Natural questions: WebAssembly routes on exact evidence, lexical similarity and BM25 over the routing glosses (no
  // sentence model); the CLR router without the model measures 0.79 / 0.80 top-1 on these sets.
  const holdout = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'natural-holdout.jsonl');
  const natural = [join(shared, 'natural-dev.jsonl'), holdout].filter((f) => existsSync(f));
  const questions = (await Promise.all(natural.map((f) => readFile(f, 'utf8'))))
    .flatMap((text) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l)));
  let naturalTop1 = 0;
  for (const q of questions) {
    const r = await swarm.query({ text: q.text });
    if (q.expect.includes(r.featureCode)) naturalTop1++;
  }
  const naturalAccuracy = naturalTop1 / Math.max(1, questions.length);
  report('node-natural', { questions: questions.length, top1: Number(naturalAccuracy.toFixed(3)), router: 'exact + lexical + BM25 over glosses (WebAssembly)' });
  assert.ok(naturalAccuracy >= 0.72, `natural top-1 ${naturalAccuracy} over ${questions.length} questions`);
});
