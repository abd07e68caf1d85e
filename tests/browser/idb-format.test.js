// The IndexedDB format (schema 2: agents' records in 32 chunk records) in Chromium's real IndexedDB
// and in Node's fake-indexeddb, from one set of scenarios (idb-scenarios.js): round trip, partial
// updates, the upgrade of a database written by the schema 1 module (fixtures/elex-idb-v1.js), an
// upgrade that cannot complete, and faults injected into puts and commits.
import 'fake-indexeddb/auto';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { start, openDashboard } from './harness.js';
import { importPackage, packageRoot } from './node-harness.js';
import * as scenarios from './idb-scenarios.js';

const here = dirname(fileURLToPath(import.meta.url));
let session;
const hosts = {
  node: async (scenario, name) => {
    const idb = await import(pathToFileURL(join(packageRoot(), '_content', 'Elex.Browser', 'elex-idb.js')).href);
    const v1 = await import('./fixtures/elex-idb-v1.js');
    const elex = scenario === 'swarmOverSchema1' ? await importPackage() : undefined;
    return scenarios[scenario]({ idb, v1, elex }, name);
  },
  chromium: (scenario, name) => session.page.evaluate(async ({ scenario, name }) => {
    const [idb, v1, elex, run] = await Promise.all([
      import('/_content/Elex.Browser/elex-idb.js'), import('/tests/fixtures/elex-idb-v1.js'),
      import('/_content/Elex.Browser/elex.js'), import('/tests/idb-scenarios.js'),
    ]);
    return run[scenario]({ idb, v1, elex }, name);
  }, { scenario, name }),
};

before(async () => {
  session = await start({ mounts: { '/tests/': here } });
  await openDashboard(session.page, session.url);
});

after(async () => {
  await session?.stop();
});

const [q, t, s] = scenarios.sampleSections(1).map((rows) => rows.map(([key, subKey, payload]) => [key, subKey, [...payload]]));
const sorted = (rows) => [...rows].sort((a, b) => (a[0] === b[0] ? ((a[1] ?? '') < (b[1] ?? '') ? -1 : 1) : a[0] < b[0] ? -1 : 1));
// 32-bit FNV-1a, written here apart from the module: the placement of agents must not change silently.
function fnv1a(bytes) {
  let hash = 2166136261n;
  for (const b of bytes) hash = ((hash ^ BigInt(b)) * 16777619n) % 4294967296n;
  return Number(hash);
}
const states = scenarios.sampleSections(1)[2].map(([key, , payload]) => [key, null, new TextDecoder().decode(payload)]);

for (const host of Object.keys(hosts)) {
  test(`${host}: a batch reads back whole, a later batch replaces only its rows, clearing removes one agent`, async () => {
    const r = await hosts[host]('roundTrip', `format-round-trip-${Date.now()}`);
    assert.equal(r.version, 2);
    assert.deepEqual(r.stores, ['chunks', 'settings']);
    assert.equal(r.written, q.length + t.length + s.length);
    assert.deepEqual(r.first.qTables, sorted(q));
    assert.deepEqual(r.first.trajectories, sorted(t));
    assert.deepEqual(r.first.agentStates, sorted(states));
    const bytes = (rows) => rows.reduce((n, row) => n + row[2].length, 0);
    assert.equal(r.stats, [q.length, bytes(q), t.length, bytes(t), s.length, states.reduce((n, row) => n + new TextEncoder().encode(row[2]).length, 0)].join(','));
    // 40 agents share at most 32 records, and more than one; an agent's record is FNV-1a of its UTF-8 id, mod 32.
    assert.ok(r.chunkRecords > 1 && r.chunkRecords <= 32, `${r.chunkRecords} chunk records`);
    for (const [agent, chunk] of Object.entries(r.placement)) assert.equal(chunk, fnv1a(new TextEncoder().encode(agent)) % 32, agent);

    const agent3 = 'agent-FAJ_121_1003';
    assert.deepEqual(r.updated.qTables.find(([key]) => key === agent3)[2], [2, 3, 0xff]);
    assert.deepEqual(r.updated.qTables.filter(([key]) => key !== agent3), r.first.qTables.filter(([key]) => key !== agent3));
    assert.deepEqual(r.oneAgent, [[agent3, '000001', [1]], [agent3, '000002', []], [agent3, '000003', [3]], [agent3, 'replay', [2, 3]]]);
    assert.equal(r.updated.trajectories.length, r.first.trajectories.length + 1);
    assert.ok(!r.cleared.qTables.some(([key]) => key === 'agent-FAJ_121_1004'));
    assert.equal(r.cleared.qTables.length, 39);
    assert.equal(r.cleared.agentStates.length, 39);
  });

  test(`${host}: a database written by the schema 1 module upgrades to chunks with every record and setting`, async () => {
    const r = await hosts[host]('migration', `format-migration-${Date.now()}`);
    assert.equal(r.version, 2);
    assert.deepEqual(r.stores, ['chunks', 'settings']);
    assert.deepEqual(r.after, r.before);
    assert.equal(r.after.qTables.length, 40);
    assert.equal(r.after.trajectories.length, t.length);
    assert.equal(r.setting, 'ed25519-pub:kept');
    assert.equal(r.downgrade.ok, false);
    assert.match(r.downgrade.message, /^\[elex-idb:VERSION\]/);
  });

  test(`${host}: an upgrade that meets a record it cannot move fails, names it and leaves schema 1 as it was`, async () => {
    const r = await hosts[host]('failedMigration', `format-failed-migration-${Date.now()}`);
    assert.equal(r.opened.ok, false);
    assert.match(r.opened.message, /^\[elex-idb:FAILED\] .*could not be upgraded to schema 2, so it was left as it was: .*q_tables \(agent-bad\)/);
    assert.equal(r.version, 1);
    assert.deepEqual(r.stores, ['agent_state', 'q_tables', 'settings', 'trajectories']);
    assert.equal(r.qTableRecords, 41);
    assert.deepEqual(r.kept.trajectories, sorted(t));
    assert.deepEqual(r.kept.agentStates, sorted(states));
  });

  test(`${host}: an old connection that stays open blocks the upgrade, reported after the grace period`, async () => {
    const r = await hosts[host]('blockedUpgrade', `format-blocked-${Date.now()}`);
    assert.equal(r.opened.ok, false);
    assert.match(r.opened.message, /^\[elex-idb:BLOCKED\] .*another tab holds it open/);
    assert.ok(r.waitedMs >= r.graceMs - 50, `reported after ${r.waitedMs} ms, grace ${r.graceMs} ms`);
  });

  test(`${host}: a refused put, a transaction aborted before commit and a damaged chunk each fail clearly and keep what was stored`, async () => {
    const r = await hosts[host]('faults', `format-faults-${Date.now()}`);
    assert.equal(r.quota.ok, false);
    assert.match(r.quota.message, /^\[elex-idb:QUOTA\] .*quota .*exhausted.*nothing of it was written/);
    assert.deepEqual(r.afterQuota, r.stored);
    assert.equal(r.abortedAfterPuts, 8);
    assert.equal(r.aborted.ok, false);
    assert.match(r.aborted.message, /^\[elex-idb:FAILED\] A batch of \d+ records was rolled back/);
    assert.deepEqual(r.afterAbort, r.stored);
    assert.equal(r.onDamaged.ok, false);
    assert.match(r.onDamaged.message, new RegExp(`rolled back: .*chunk ${r.damagedKey} is cut short`));
    assert.equal(r.loadDamaged.ok, false);
    assert.match(r.loadDamaged.message, new RegExp(`chunk ${r.damagedKey} is cut short`));
    assert.deepEqual(r.damagedChunk, [1, 0, 0, 0, 9]);
  });

  test(`${host}: a swarm over a database in the schema 1 format restores what was learned`, async () => {
    const r = await hosts[host]('swarmOverSchema1', `format-swarm-${Date.now()}`);
    assert.equal(r.durable, true);
    assert.ok(r.records >= 3, `${r.records} records written in schema 1`);
    assert.equal(r.version, 2);
    assert.ok(r.learned.qTableEntries > 0);
    assert.equal(r.restored.qTableEntries, r.learned.qTableEntries);
    assert.equal(r.restored.queryCount, r.learned.queryCount);
    assert.equal(r.restored.epsilon, r.learned.epsilon);
  });
}

test('no page or console errors', () => {
  assert.deepEqual(session.problems, []);
});
