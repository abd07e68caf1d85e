import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openDashboard } from './harness.js';
import { report } from './report.js';

let session;

before(async () => {
  session = await start();
  await openDashboard(session.page, session.url);
});

after(async () => {
  await session?.stop();
});

// Runs `body` in the page with the module imported as `elex`; returns what it returns.
function inPage(body, arg) {
  return session.page.evaluate(async ({ source, arg }) => {
    const elex = await import('./_content/Elex.Browser/elex.js');
    return new Function('elex', 'arg', `return (async () => { ${source} })();`)(elex, arg);
  }, { source: body, arg });
}

test('query resolves with a plain response carrying safety verdicts', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const response = await swarm.query({ text: 'which counters show MSM is working?', type: elex.QueryType.Counter });
    await swarm.shutdown();
    return response;`);
  assert.equal(r.featureCode, 'FAJ 121 3094');
  assert.equal(r.agentId, 'agent-FAJ_121_3094');
  assert.equal(r.queryType, 1);
  assert.match(r.responseId, /\S/);
  assert.ok(r.confidence > 0 && r.confidence <= 1);
  assert.ok(Array.isArray(r.evidence) && r.evidence.length > 0);
  for (const c of r.commands) assert.ok(['Safe', 'NeedsApproval', 'Rejected'].includes(c.safety), c.safety);
});

test('subscribers receive responses in order; unsubscribe stops delivery from .NET', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const first = [], second = [];
    const unsubscribeFirst = swarm.responses.subscribe((x) => { first.push(x.responseId); });
    const unsubscribeSecond = swarm.responses.subscribe({ next: (x) => { second.push(x.responseId); } });
    const asked = [];
    for (const text of ['what is MSM?', 'how do I activate MIMO Sleep Mode?', 'which counters show MSM is working?', 'set sleepMode to 2 on cell X', 'what parameters does MSM have']) {
      asked.push((await swarm.query({ text })).responseId);
    }
    const deliveredBefore = first.length;
    unsubscribeFirst();
    const late = (await swarm.query('what is MSM?')).responseId;
    const stats = unsubscribeFirst.stats();
    unsubscribeSecond();
    await swarm.shutdown();
    return { asked, first, second, deliveredBefore, late, stats };`);
  assert.deepEqual(r.first, r.asked, 'first subscriber got every response, in order');
  assert.deepEqual(r.second, [...r.asked, r.late], 'the other subscriber still gets later responses');
  assert.equal(r.stats.closed, true);
  assert.equal(r.stats.delivered, 5);
  assert.equal(r.stats.pending, 0);
});

test('a slow subscriber holds at most its capacity and counts what it dropped', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    let release;
    const gate = new Promise((resolve) => { release = resolve; });
    const seen = [];
    const unsubscribe = swarm.responses.subscribe(async (x) => { seen.push(x.responseId); await gate; }, { capacity: 4 });
    const asked = [];
    for (let i = 0; i < 20; i++) asked.push((await swarm.query('what is MSM?')).responseId);
    const whileBlocked = unsubscribe.stats();
    release();
    while (unsubscribe.stats().pending > 0 || seen.length < 5) await new Promise((resolve) => setTimeout(resolve, 0));
    const after = unsubscribe.stats();
    unsubscribe();
    await swarm.shutdown();
    return { asked, seen, whileBlocked, after };`);
  assert.equal(r.whileBlocked.pending, 4, 'the mailbox is bounded');
  assert.equal(r.whileBlocked.dropped, 15, '20 responses: 1 in the callback, 4 waiting, 15 dropped');
  assert.deepEqual(r.seen, [r.asked[0], ...r.asked.slice(16)], 'the oldest waiting ones were dropped, order kept');
  assert.equal(r.after.delivered, 5);
});

test('telemetry delivers the latency window', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const windows = [];
    const unsubscribe = swarm.telemetry.subscribe((w) => { windows.push(w); });
    await swarm.query('what is MSM?');
    while (!windows.some((w) => w.count >= 1)) await new Promise((resolve) => setTimeout(resolve, 0));
    unsubscribe();
    await swarm.shutdown();
    return windows;`);
  const last = r.at(-1);
  assert.equal(last.count, 1);
  assert.ok(last.p95Ms >= last.p50Ms && last.p50Ms > 0);
});

test('failures reject with an ElexError carrying a code', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const codeOf = async (promise) => { try { await promise; return 'resolved'; } catch (e) { return { code: e.code, isError: e instanceof Error, message: e.message }; } };
    const answer = await swarm.query('what is MSM?');
    const applied = await swarm.feedback({ responseId: answer.responseId, reward: 1, success: true });
    const seedStyle = await swarm.feedback('FAJ 121 3094', 0.5, true);
    const result = {
      applied, seedStyle,
      emptyText: await codeOf(swarm.query({ text: '  ' })),
      badType: await codeOf(swarm.query({ text: 'x', type: 42 })),
      unknownResponse: await codeOf(swarm.feedback({ responseId: 'r-nope', reward: 1, success: true })),
      badReward: await codeOf(swarm.feedback({ responseId: answer.responseId, reward: 3 })),
      unknownAgent: await codeOf(swarm.getAgentStats('FAJ 999 9999')),
      sync: await codeOf(swarm.sync()),
      badConfig: await codeOf(elex.createSwarm({ maxAgents: 0, enableIndexedDB: false })),
      stats: await swarm.getAgentStats('FAJ 121 3094'),
    };
    await swarm.shutdown();
    result.disposed = await codeOf(swarm.query('what is MSM?'));
    return result;`);
  assert.equal(r.applied.status, 'Applied');
  assert.equal(r.seedStyle.status, 'Applied');
  assert.equal(r.emptyText.code, 'INVALID_QUERY');
  assert.equal(r.emptyText.isError, true);
  assert.equal(r.badType.code, 'INVALID_QUERY');
  assert.equal(r.unknownResponse.code, 'UNKNOWN_RESPONSE');
  assert.equal(r.badReward.code, 'INVALID_FEEDBACK');
  assert.equal(r.unknownAgent.code, 'UNKNOWN_AGENT');
  // The code crosses beside the message, never inside it.
  assert.equal(r.unknownAgent.message, "no agent or feature 'FAJ 999 9999' in the catalog");
  assert.equal(r.sync.code, 'SYNC_NOT_STARTED');
  assert.equal(r.badConfig.code, 'INVALID_CONFIG');
  assert.match(r.badConfig.message, /MaxAgents/);
  assert.equal(r.disposed.code, 'SWARM_DISPOSED');
  assert.equal(r.stats.queryCount, 1);
  assert.ok(r.stats.qTableEntries > 0);
});

test('routing inside the page: P50/P95 over 2,000 queries', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const result = await swarm.diagnostics.routeLatency(2000);
    await swarm.shutdown();
    return result;`);
  report('route', r);
  assert.equal(r.queries, 2000);
  // The goal is 1 ms; the default guard is looser because CI shares two cores with other work.
  const budgetUs = Number(process.env.ELEX_ROUTE_P95_BUDGET_US ?? 3000);
  assert.ok(r.p95Us <= budgetUs, `route P95 ${r.p95Us} µs is within ${budgetUs} µs`);
});

test('IndexedDB: one batch write of every agent of the sample catalog', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ databaseName: 'elex-bench-' + Date.now() });
    const answer = await swarm.query('which counters show MSM is working?');
    await swarm.feedback({ responseId: answer.responseId, reward: -0.5, success: false });
    const learned = await swarm.getAgentStats(answer.agentId);
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await swarm.diagnostics.persistAll());
    const after = await swarm.getAgentStats(answer.agentId);
    const { totalQueries } = await swarm.getSwarmStats();
    await swarm.shutdown();
    const warm = [...runs].sort((a, b) => a.writeMs - b.writeMs);
    const { split, coldSplit, ...first } = runs[0];
    return { ...first, writeMs: warm[2].writeMs, writeMsMin: warm[0].writeMs, writeMsMax: warm[4].writeMs, runs: warm.length, split: warm[2].split, learned, after, totalQueries };`);
  const { learned, after, totalQueries, split, ...measured } = r;
  report('indexeddb-batch', measured);
  // Where the median write spent its time (ms).
  report('indexeddb-batch-split', Object.fromEntries(Object.entries(split).map(([k, v]) => [k, Math.round(v * 10) / 10])));
  // The measurement runs on a scratch swarm: this swarm answered once and learned once, and that stays so.
  assert.deepEqual(after, learned);
  assert.equal(totalQueries, 1);
  assert.ok(r.agents >= 50, `${r.agents} agents written`);
  assert.equal(r.agentStateRecords, r.agents);
  assert.ok(r.writeMs > 0);
});

test('queryStream: routed, then sections, verdicts and done, in order; errors carry a code', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const parts = [];
    const ended = await new Promise((resolve) => {
      swarm.queryStream({ text: 'set sleepMode to 2 for MSM on cell X' }).subscribe({
        next: (p) => { parts.push(p); },
        error: (e) => resolve('error ' + e.code),
        complete: () => resolve('complete'),
      });
    });
    const failed = await new Promise((resolve) => {
      swarm.queryStream('').subscribe({ next: () => resolve('next'), error: (e) => resolve(e.code), complete: () => resolve('complete') });
    });
    // Leaving after the routed part: nothing more arrives, and the swarm answers the question all the same.
    const early = [];
    const answered = new Promise((resolve) => { const stop = swarm.responses.subscribe((x) => { stop(); resolve(x.queryText); }); });
    const subscription = swarm.queryStream('which counters show MSM is working?').subscribe((p) => { early.push(p.kind); subscription.unsubscribe(); });
    const answeredText = await answered;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await swarm.shutdown();
    return { kinds: parts.map((p) => p.kind), routed: parts[0], done: parts.at(-1), verdicts: parts.filter((p) => p.kind === 'verdict'), sections: parts.filter((p) => p.kind === 'section'), ended, failed, early, answeredText };`);
  assert.equal(r.ended, 'complete');
  assert.equal(r.kinds[0], 'routed');
  assert.equal(r.kinds.at(-1), 'done');
  const order = ['routed', 'section', 'verdict', 'done'];
  assert.deepEqual([...r.kinds].sort((a, b) => order.indexOf(a) - order.indexOf(b)), r.kinds, 'the kinds never go back');
  assert.equal(r.routed.featureCode, 'FAJ 121 3094');
  assert.equal(r.routed.abstained, false);
  assert.ok(r.routed.candidates.length > 0 && r.routed.candidates[0].why.length > 0);
  assert.equal(r.done.response.featureCode, 'FAJ 121 3094');
  assert.deepEqual(r.verdicts.map((v) => v.command.command), r.done.response.commands.map((c) => c.command));
  assert.deepEqual(r.sections.flatMap((s) => s.lines), r.done.response.text.split('\n').filter((l) => l.trim() !== ''));
  assert.equal(r.failed, 'INVALID_QUERY');
  assert.deepEqual(r.early, ['routed']);
  assert.equal(r.answeredText, 'which counters show MSM is working?');
});

test('queryStream in the page: time to the routed part vs to done', async () => {
  const r = await inPage(`
    const swarm = await elex.createSwarm({ enableIndexedDB: false });
    const questions = ['which counters show MSM is working?', 'how do I activate MIMO Sleep Mode?', 'set sleepMode to 2 for MSM on cell X', 'what parameters does TTI Bundling have?', 'what is MSM?'];
    const routed = [], done = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      let routedAt = 0;
      await new Promise((resolve, reject) => swarm.queryStream(questions[i % questions.length]).subscribe({
        next: (p) => { if (p.kind === 'routed') routedAt = performance.now(); },
        error: reject,
        complete: resolve,
      }));
      if (i >= 50) { routed.push(routedAt - started); done.push(performance.now() - started); }
    }
    await swarm.shutdown();
    const at = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
    const ms = (x) => Math.round(x * 1000) / 1000;
    return { queries: routed.length, routedP50Ms: ms(at(routed, 0.5)), routedP95Ms: ms(at(routed, 0.95)), doneP50Ms: ms(at(done, 0.5)), doneP95Ms: ms(at(done, 0.95)) };`);
  report('stream-first-part', r);
  assert.equal(r.queries, 250);
  assert.ok(r.routedP50Ms <= r.doneP50Ms, 'the routed part comes before the answer is done');
});

test('no page or console errors', () => {
  assert.deepEqual(session.problems, []);
});
