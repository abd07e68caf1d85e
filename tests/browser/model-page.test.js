// The sentence model on demand in Chromium: the page starts without it (nothing of the model is
// fetched), loadModel() downloads it with progress into the Cache Storage API, a reload takes it from
// there, and — with the shared catalog beside the repo — natural questions are measured with and
// without it, with the route P95 in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { start, openDashboard } from './harness.js';
import { sharedCatalogDir } from './node-harness.js';
import { modelDir, paraphrase } from './model-asset.js';
import { report } from './report.js';

const shared = sharedCatalogDir();
let session;

before(async () => {
  const mounts = { '/model/': modelDir(), '/data/': join(dirname(fileURLToPath(import.meta.url)), '..', 'data') };
  if (shared) mounts['/shared/'] = shared;
  session = await start({ mounts });
});

after(async () => {
  await session?.stop();
});

// What the page fetched from the model asset so far (Cache Storage hits are not network fetches).
const modelFetches = () => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/model/')).map((e) => new URL(e.name).pathname);

test('Chromium: the model loads on demand with progress, routes a paraphrase the lexical router misses, and a reload uses the cache', async () => {
  const { page, url } = session;
  await openDashboard(page, url);
  const first = await page.evaluate(async ({ text, fetches }) => {
    const modelFetched = new Function(`return (${fetches})()`);
    const elex = await import('./_content/Elex.Browser/elex.js');
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const before = (await swarm.query(text)).featureCode;
    const fetchedBefore = modelFetched();
    const events = [];
    const started = performance.now();
    const status = await swarm.loadModel({ url: '/model/', onProgress: (e) => events.push(e) });
    const loadMs = performance.now() - started;
    const after = (await swarm.query(text)).featureCode;
    await swarm.shutdown();
    return { before, after, status, loadMs, events, fetchedBefore, fetchedAfter: modelFetched() };
  }, { text: paraphrase.text, fetches: modelFetches.toString() });
  report('chromium-model-load', { ms: Math.round(first.loadMs), bytes: first.status.bytes, fromCache: first.status.fromCache, attachMs: Math.round(first.status.attachMs) });
  assert.deepEqual(first.fetchedBefore, [], 'nothing of the model is fetched before loadModel');
  assert.notEqual(first.before, paraphrase.expect);
  assert.equal(first.after, paraphrase.expect);
  assert.equal(first.status.state, 'ready');
  assert.equal(first.status.fromCache, false);
  const downloads = first.events.filter((e) => e.phase === 'download');
  assert.ok(downloads.length > 10, `progress while downloading (${downloads.length} events)`);
  assert.ok(downloads.every((e, i) => i === 0 || e.loaded >= downloads[i - 1].loaded), 'progress only grows');
  assert.equal(downloads.at(-1).loaded, downloads.at(-1).total);
  assert.ok(first.fetchedAfter.includes('/model/model.onnx'));

  await page.reload();
  await openDashboard(page, url);
  const second = await page.evaluate(async ({ text, fetches }) => {
    const modelFetched = new Function(`return (${fetches})()`);
    const elex = await import('./_content/Elex.Browser/elex.js');
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const started = performance.now();
    const status = await swarm.loadModel({ url: '/model/' });
    const loadMs = performance.now() - started;
    const answer = (await swarm.query(text)).featureCode;
    await swarm.shutdown();
    return { status, loadMs, answer, fetched: modelFetched() };
  }, { text: paraphrase.text, fetches: modelFetches.toString() });
  report('chromium-model-load-cached', { ms: Math.round(second.loadMs), fromCache: second.status.fromCache });
  assert.equal(second.status.fromCache, true);
  assert.deepEqual(second.fetched.filter((p) => !p.endsWith('manifest.json') && !p.endsWith('.mjs')), [], 'the model, vocabulary, vectors and runtime binary come from the cache');
  assert.equal(second.answer, paraphrase.expect);
});

test('Chromium: a bad model URL rejects with MODEL_UNAVAILABLE and the page keeps answering', async () => {
  const r = await session.page.evaluate(async () => {
    const elex = await import('./_content/Elex.Browser/elex.js');
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    let error;
    try {
      await swarm.loadModel({ url: '/no-model-here/' });
    } catch (e) {
      error = { code: e.code, message: e.message };
    }
    const status = await swarm.modelStatus();
    const answer = (await swarm.query('which counters show MSM is working?')).featureCode;
    await swarm.shutdown();
    return { error, status, answer };
  });
  assert.equal(r.error?.code, 'MODEL_UNAVAILABLE');
  // The test server, like an SPA host, answers unknown paths with the app's index page.
  assert.match(r.error.message, /no-model-here\/manifest\.json is not JSON \(the server answered with an HTML page/);
  assert.equal(r.status.state, 'failed');
  assert.equal(r.answer, 'FAJ 121 3094');
});

test('Chromium: natural questions with the model next to without it, and the route P95 in the page', { skip: shared ? false : 'the shared catalog is not beside the repo' }, async () => {
  const r = await session.page.evaluate(async () => {
    const elex = await import('./_content/Elex.Browser/elex.js');
    const lines = async (url) => { const res = await fetch(url); return res.ok ? (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []; };
    const sets = { 'natural-dev': await lines('/shared/natural-dev.jsonl'), holdout: await lines('/data/natural-holdout.jsonl') };
    const swarm = await elex.createSwarm({ catalogUrl: '/shared/elex-catalog.json', enableIndexedDB: false });
    const run = async () => {
      const rows = {};
      const timings = [];
      for (const [set, questions] of Object.entries(sets)) {
        for (const q of questions) {
          const started = performance.now();
          const answer = await swarm.query({ text: q.text });
          timings.push(performance.now() - started);
          const top3 = [answer.featureCode, ...answer.alternatives].slice(0, 3);
          for (const key of [`${set}/${q.difficulty}`, `${set}/all`]) {
            rows[key] ??= { n: 0, top1: 0, top3: 0 };
            rows[key].n++;
            if (q.expect.includes(answer.featureCode)) rows[key].top1++;
            if (top3.some((c) => q.expect.includes(c))) rows[key].top3++;
          }
        }
      }
      timings.sort((a, b) => a - b);
      const at = (p) => timings[Math.min(timings.length - 1, Math.ceil(p * timings.length) - 1)];
      for (const row of Object.values(rows)) { row.top1 = +(row.top1 / row.n).toFixed(2); row.top3 = +(row.top3 / row.n).toFixed(2); }
      return { rows, p50Ms: +at(0.5).toFixed(1), p95Ms: +at(0.95).toFixed(1), maxMs: +timings.at(-1).toFixed(1), queries: timings.length };
    };
    const lexical = await run();
    const status = await swarm.loadModel({ url: '/model/' });
    await swarm.query('warm the model up: which feature saves energy at night?');
    const model = await run();
    await swarm.shutdown();
    return { lexical, model, status };
  });
  report('chromium-natural-lexical', r.lexical);
  report('chromium-natural-model', r.model);
  assert.equal(r.status.encodedFeatures, 0, 'the shipped vectors cover the full catalog');
  const dev = (x) => x.rows['natural-dev/all'];
  assert.ok(dev(r.lexical).n >= 100 && dev(r.model).n === dev(r.lexical).n);
  assert.ok(dev(r.model).top1 >= 0.85, `natural-dev top-1 with the model ${dev(r.model).top1}`);
  assert.ok(dev(r.model).top1 > dev(r.lexical).top1, `the model lifts natural-dev top-1 (${dev(r.lexical).top1} → ${dev(r.model).top1})`);
  const budgetMs = Number(process.env.ELEX_MODEL_ROUTE_P95_BUDGET_MS ?? 500);
  assert.ok(r.model.p95Ms <= budgetMs, `query P95 with the model ${r.model.p95Ms} ms is within ${budgetMs} ms`);
});

test('Chromium (model): no page or console errors', () => {
  assert.deepEqual(session.problems, []);
});
