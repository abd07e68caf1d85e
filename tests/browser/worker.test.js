// The swarm in a dedicated Web Worker (createSwarmInWorker / createSwarm({ worker: true })) over the
// published package in Chromium: the same API as in the page, a main thread that stays free while
// the worker answers 2,000 questions, the round-trip cost of the worker, and IndexedDB written from
// the worker still there after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, repoRoot } from './harness.js';
import { packageRoot } from './node-harness.js';
import { report } from './report.js';

let session;

before(async () => {
  session = await start({ root: join(repoRoot, 'tests', 'browser', 'fixtures', 'worker-page'), mounts: { '/elex/': packageRoot() } });
  await session.page.goto(session.url);
});

after(async () => {
  await session?.stop();
});

// Runs `body` in the page with the package imported as `elex`; returns what it returns.
function inPage(body, arg) {
  return session.page.evaluate(async ({ source, arg }) => {
    const elex = await import('/elex/index.js');
    return new Function('elex', 'arg', `return (async () => { ${source} })();`)(elex, arg);
  }, { source: body, arg });
}

const questions = ['which counters show MSM is working?', 'how do I activate MIMO Sleep Mode?', 'what is TTI bundling?', 'set sleepMode to 2 on cell X', 'what does inter-frequency load balancing need?'];

test('the worker answers behind the same API: responses, subscriptions with unsubscribe, streams, error codes', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ worker: true, enableIndexedDB: false });
    const isWorker = swarm.worker instanceof Worker;
    const seen = [];
    const stop = swarm.responses.subscribe((x) => { seen.push(x.responseId); });
    const asked = [];
    for (const text of arg) asked.push((await swarm.query({ text })).responseId);
    while (seen.length < asked.length) await new Promise((resolve) => setTimeout(resolve, 5));
    stop();
    const late = await swarm.query('what is MSM?');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stats = stop.stats();
    const kinds = await new Promise((resolve, reject) => {
      const parts = [];
      swarm.queryStream('set sleepMode to 2 for MSM on cell X').subscribe({ next: (p) => parts.push(p.kind), error: reject, complete: () => resolve(parts) });
    });
    const codeOf = async (promise) => { try { await promise; return 'resolved'; } catch (e) { return e instanceof elex.ElexError ? e.code : 'not an ElexError: ' + e; } };
    const emptyText = await codeOf(swarm.query({ text: '  ' }));
    const unknownAgent = await codeOf(swarm.getAgentStats('FAJ 999 9999'));
    const session = await swarm.createSession();
    const inSession = await session.query('what is MSM?');
    const context = await session.context();
    await session.close();
    const first = await swarm.query('which counters show MSM is working?');
    const applied = await swarm.feedback({ responseId: first.responseId, reward: 1, success: true });
    await swarm.shutdown();
    const disposed = await codeOf(swarm.query('what is MSM?'));
    return { isWorker, asked, seen, late: late.responseId, stats, kinds, emptyText, unknownAgent, inSession: inSession.featureCode, turns: context.turns?.length ?? context.length, first, applied: applied.status, disposed };`, questions);
  assert.equal(r.isWorker, true);
  assert.deepEqual(r.seen, r.asked, 'the bridged subscription delivers every response, in order');
  assert.equal(r.stats.closed, true);
  assert.equal(r.stats.delivered, r.asked.length, 'nothing arrives after unsubscribing');
  assert.equal(r.kinds[0], 'routed');
  assert.equal(r.kinds.at(-1), 'done');
  assert.ok(r.kinds.includes('verdict'), r.kinds.join(','));
  assert.equal(r.emptyText, 'INVALID_QUERY');
  assert.equal(r.unknownAgent, 'UNKNOWN_AGENT');
  assert.equal(r.inSession, 'FAJ 121 3094');
  assert.equal(r.first.featureCode, 'FAJ 121 3094');
  assert.ok(r.first.commands.every((c) => ['Safe', 'NeedsApproval', 'Rejected'].includes(c.safety)));
  assert.equal(r.applied, 'Applied');
  assert.equal(r.disposed, 'SWARM_DISPOSED');
});

test('2,000 queries through the worker: no main-thread long task over 50 ms; clicks and typing are handled at once', async () => {
  const { page } = session;
  await page.evaluate(async (texts) => {
    const elex = await import('/elex/index.js');
    window.workerSwarm = await elex.createSwarmInWorker({ enableIndexedDB: false });
    // Each question's feature asked alone, to check the burst's answers against.
    window.featureOf = {};
    for (const text of texts) window.featureOf[text] = (await window.workerSwarm.query(text)).featureCode;
    window.longTasksBefore = window.longTasks.length;
  }, questions);
  // All 2,000 are posted at once: the worker's bounded queue holds them back, not the page.
  await page.evaluate((texts) => {
    window.burst = { started: performance.now(), answered: 0, wrong: 0 };
    window.burstDone = Promise.all(Array.from({ length: 2000 }, (_, i) => window.workerSwarm.query(texts[i % texts.length]).then((r) => {
      window.burst.answered++;
      if (r.featureCode !== window.featureOf[r.queryText]) window.burst.wrong++;
    }))).then(() => { window.burst.ms = performance.now() - window.burst.started; });
  }, questions);
  // While the worker answers: click and type through real input events.
  const clickedWhileRunning = [];
  for (let i = 0; i < 5; i++) {
    await page.click('#clicker');
    clickedWhileRunning.push(await page.evaluate(() => window.burst.answered));
  }
  await page.fill('#typed', '');
  await page.type('#typed', 'still interactive');
  const r = await page.evaluate(async () => {
    await window.burstDone;
    const during = window.longTasks.slice(window.longTasksBefore);
    await window.workerSwarm.shutdown();
    return { ms: window.burst.ms, answered: window.burst.answered, wrong: window.burst.wrong, during, clickDelays: window.clickDelays, typed: document.getElementById('typed').value, button: document.getElementById('clicker').textContent };
  });
  report('worker-burst', { queries: r.answered, ms: Math.round(r.ms), qps: Math.round(r.answered / (r.ms / 1000)), longTasks: r.during.length, maxClickDelayMs: Math.round(Math.max(...r.clickDelays) * 10) / 10 });
  assert.equal(r.answered, 2000);
  assert.equal(r.wrong, 0, 'every answer of the burst names the feature the question gets alone');
  assert.ok(clickedWhileRunning[0] < 2000, `the first click was handled while the worker was still answering (${clickedWhileRunning[0]} of 2,000 answered)`);
  assert.deepEqual(r.during.filter((t) => t.ms > 50), [], 'no long task on the main thread while the worker answers');
  assert.equal(r.button, 'clicked 5');
  assert.equal(r.typed, 'still interactive');
  assert.ok(Math.max(...r.clickDelays) < 50, `every click was handled within 50 ms (${r.clickDelays.map((d) => d.toFixed(1)).join(', ')} ms)`);
});

// One awaited query at a time on one swarm alone (the other not started or already terminated, so
// neither runtime's timers compete with the other's), 1,000 after 100 warm-up; P50/P95/P99.
const roundTrips = `
  const swarm = await elex.createSwarm({ worker: arg.worker, enableIndexedDB: false });
  const ms = [];
  for (let i = 0; i < 1100; i++) {
    const t = performance.now();
    await swarm.query(arg.questions[i % arg.questions.length]);
    if (i >= 100) ms.push(performance.now() - t);
  }
  await swarm.shutdown();
  ms.sort((a, b) => a - b);
  const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };`;

test('query round-trip: P95 through the worker against the page (goal: within 1 ms)', async () => {
  const worker = await inPage(roundTrips, { worker: true, questions });
  // The page's runtime boots on the main thread and stays: it comes last (after the long-task test too).
  const page = await inPage(roundTrips, { worker: false, questions });
  const round = (x) => Math.round(x * 1000) / 1000;
  const overhead = worker.p95 - page.p95;
  report('worker-round-trip', { queries: 1000, workerP50Ms: round(worker.p50), workerP95Ms: round(worker.p95), workerP99Ms: round(worker.p99), pageP50Ms: round(page.p50), pageP95Ms: round(page.p95), pageP99Ms: round(page.p99), overheadP95Ms: round(overhead) });
  // The goal is 1 ms; the default guard is looser because CI shares two cores with other work, and
  // a worker is a second thread competing for them.
  const budgetMs = Number(process.env.ELEX_WORKER_OVERHEAD_BUDGET_MS ?? 5);
  assert.ok(overhead <= budgetMs, `the worker adds ${round(overhead)} ms to the P95 (budget ${budgetMs} ms)`);
});

test('IndexedDB written from the worker is there after a reload', async () => {
  const databaseName = `elex-worker-${Date.now()}`;
  const learned = await inPage(`
    const swarm = await elex.createSwarmInWorker({ databaseName: arg });
    const answer = await swarm.query('which counters show MSM is working?');
    await swarm.feedback({ responseId: answer.responseId, reward: 1, success: true });
    await swarm.feedback({ responseId: (await swarm.query('how do I activate MIMO Sleep Mode?')).responseId, reward: 1, success: true });
    await swarm.persist();
    const stats = await swarm.getAgentStats(answer.agentId);
    await swarm.shutdown();
    return stats;`, databaseName);
  assert.ok(learned.queryCount >= 2 && learned.successCount >= 2, JSON.stringify(learned));

  await session.page.reload();
  const restored = await inPage(`
    const names = (await indexedDB.databases()).map((d) => d.name);
    const swarm = await elex.createSwarmInWorker({ databaseName: arg.databaseName });
    const stats = await swarm.getAgentStats(arg.agentId);
    await swarm.shutdown();
    return { names, stats };`, { databaseName, agentId: learned.agentId });
  assert.ok(restored.names.includes(databaseName), `the page's origin holds ${databaseName} (${restored.names.join(', ')})`);
  assert.equal(restored.stats.queryCount, learned.queryCount);
  assert.equal(restored.stats.successCount, learned.successCount);
  assert.equal(restored.stats.qTableEntries, learned.qTableEntries);
});
