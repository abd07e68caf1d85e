// The IndexedDB format scenarios, written once and run both in Chromium (real IndexedDB, loaded by
// the page from /tests/) and in Node (fake-indexeddb) by idb-format.test.js. Each takes the current
// module (`idb`, _content/Elex.Browser/elex-idb.js) and the schema 1 module (`v1`,
// fixtures/elex-idb-v1.js) and returns plain data for the test to assert on. Packets are built and
// read here by the documented layout, not by the code under test.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Packs sections of [key, subKey, bytes] rows (little-endian; strings as int32 UTF-8 length or -1). */
export function pack(sections) {
  const parts = [];
  const int = (n) => { const b = new Uint8Array(4); new DataView(b.buffer).setInt32(0, n, true); parts.push(b); };
  const bytes = (b) => { int(b.byteLength); parts.push(b); };
  for (const rows of sections) {
    int(rows.length);
    for (const [key, subKey, payload] of rows) {
      bytes(encoder.encode(key));
      if (subKey == null) int(-1); else bytes(encoder.encode(subKey));
      bytes(payload);
    }
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.byteLength; }
  return out;
}

/** Reads a one-section packet as [key, subKey, payload as text or byte list] rows. */
export function unpack(packet, asText = false) {
  return readSection(packet, 0, asText)[0];
}

// One section starting at `at`: its rows and where the next section starts.
function readSection(packet, start, asText) {
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  let at = start;
  const int = () => { const n = view.getInt32(at, true); at += 4; return n; };
  const bytes = (n) => { const b = packet.subarray(at, at + n); at += n; return b; };
  const rows = [];
  for (let i = int(); i > 0; i--) {
    const key = decoder.decode(bytes(int()));
    const subLength = int();
    const subKey = subLength === -1 ? null : decoder.decode(bytes(subLength));
    const payload = bytes(int());
    rows.push([key, subKey, asText ? decoder.decode(payload) : [...payload]]);
  }
  return [rows, at];
}

// Forty agents (one with a non-ASCII id), each with a Q-table, a replay record, for every third
// agent two trajectories of the old per-trajectory kind, and a state document.
export function sampleSections(generation = 1) {
  const agents = Array.from({ length: 40 }, (_, i) => (i === 7 ? 'agent-Schlafmodus-é' : `agent-FAJ_121_${String(1000 + i)}`));
  return [
    agents.map((a, i) => [a, null, Uint8Array.of(generation, i, 0xff)]),
    agents.flatMap((a, i) => [[a, 'replay', Uint8Array.of(generation, i)], ...(i % 3 === 0 ? [[a, '000001', Uint8Array.of(1)], [a, '000002', new Uint8Array(0)]] : [])]),
    agents.map((a, i) => [a, null, encoder.encode(JSON.stringify({ agentId: a, n: i, generation, note: 'Zähler → ok' }))]),
  ];
}

async function loadAll(m, handle) {
  return {
    qTables: unpack((await m.load(handle, 'q_tables', null)).packet),
    trajectories: unpack((await m.load(handle, 'trajectories', null)).packet),
    agentStates: unpack((await m.load(handle, 'agent_state', null)).packet, true),
  };
}

// The object stores and records as IndexedDB itself holds them, opened without a version.
async function raw(name, read) {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  try {
    const stores = [...db.objectStoreNames];
    const result = read ? await read(db) : undefined;
    return { version: db.version, stores, result };
  } finally {
    db.close();
  }
}

function rawRequest(db, store, mode, call) {
  return new Promise((resolve, reject) => {
    const r = call(db.transaction(store, mode).objectStore(store));
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

const outcome = (promise) => promise.then((value) => ({ ok: true, value }), (e) => ({ ok: false, message: String(e?.message ?? e) }));

/** Writes, replaces part of, clears part of and reads back a database of the current schema. */
export async function roundTrip({ idb }, name) {
  const handle = await idb.open(name);
  const written = await idb.putBatch(handle, pack(sampleSections(1)));
  const first = await loadAll(idb, handle);
  const stats = await idb.statistics(handle);
  // Agent 3's rows replaced and one trajectory added; every other row stays as it was.
  const update = sampleSections(2).map((rows) => rows.filter(([key]) => key === 'agent-FAJ_121_1003'));
  update[1].push(['agent-FAJ_121_1003', '000003', Uint8Array.of(3)]);
  await idb.putBatch(handle, pack(update));
  const updated = await loadAll(idb, handle);
  const oneAgent = unpack((await idb.load(handle, 'trajectories', 'agent-FAJ_121_1003')).packet);
  await idb.clearAgent(handle, 'agent-FAJ_121_1004');
  const cleared = await loadAll(idb, handle);
  const version = idb.version(handle);
  idb.close(handle);
  const stored = await raw(name, (db) => rawRequest(db, 'chunks', 'readonly', (s) => s.count()));
  // Where two agents' rows are kept: which chunk holds an agent is part of the stored format.
  const placement = {};
  for (const agent of ['agent-FAJ_121_1000', 'agent-Schlafmodus-é']) placement[agent] = await chunkHolding(name, agent);
  return { written, first, stats, updated, oneAgent, cleared, version, stores: stored.stores, chunkRecords: stored.result, placement };
}

/** A database written by the schema 1 module, opened by the current one. */
export async function migration({ idb, v1 }, name) {
  const old = await v1.open(name);
  await v1.putBatch(old, pack(sampleSections(1)));
  await v1.setSetting(old, 'sync/identity', 'ed25519-pub:kept');
  const before = await loadAll(v1, old);
  v1.close(old);

  const handle = await idb.open(name);
  const version = idb.version(handle);
  const after = await loadAll(idb, handle);
  const setting = await idb.getSetting(handle, 'sync/identity');
  idb.close(handle);
  const stored = await raw(name);
  // The schema 1 module must refuse the upgraded database rather than read it wrongly.
  const downgrade = await outcome(v1.open(name));
  return { before, after, version, setting, stores: stored.stores, downgrade };
}

/** A schema 1 database holding a record the upgrade cannot move: the upgrade fails and changes nothing. */
export async function failedMigration({ idb, v1 }, name) {
  const old = await v1.open(name);
  await v1.putBatch(old, pack(sampleSections(1)));
  v1.close(old);
  await raw(name, (db) => rawRequest(db, 'q_tables', 'readwrite', (s) => s.put({ agentId: 'agent-bad', data: 'not bytes' }, 'agent-bad')));

  const opened = await outcome(idb.open(name));
  const stored = await raw(name, (db) => rawRequest(db, 'q_tables', 'readonly', (s) => s.count()));
  // The schema 1 module itself cannot pack the bad record, so it reads the other stores.
  const again = await v1.open(name);
  const trajectories = unpack((await v1.load(again, 'trajectories', null)).packet);
  const agentStates = unpack((await v1.load(again, 'agent_state', null)).packet, true);
  v1.close(again);
  return { opened, version: stored.version, stores: stored.stores, qTableRecords: stored.result, kept: { trajectories, agentStates } };
}

/** A schema 1 connection that stays open (no versionchange handler) blocks the upgrade, which says so. */
export async function blockedUpgrade({ idb }, name) {
  const holder = await new Promise((resolve, reject) => {
    const r = indexedDB.open(name, 1);
    r.onupgradeneeded = () => { for (const store of ['q_tables', 'trajectories', 'agent_state', 'settings']) r.result.createObjectStore(store); };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const started = performance.now();
  const opened = await outcome(idb.open(name));
  const waitedMs = performance.now() - started;
  holder.close();
  return { opened, waitedMs, graceMs: idb.BLOCKED_GRACE_MS };
}

/**
 * Faults injected into a real IndexedDB: a put refused for quota, a transaction aborted before it
 * commits, and a damaged chunk. Each must reject with a clear error and leave what was stored.
 */
export async function faults({ idb }, name) {
  const handle = await idb.open(name);
  await idb.putBatch(handle, pack(sampleSections(1)));
  const stored = await loadAll(idb, handle);
  const next = pack(sampleSections(2));
  const put = IDBObjectStore.prototype.put;
  const withPut = async (replacement, call) => {
    IDBObjectStore.prototype.put = replacement;
    try { return await outcome(call()); } finally { IDBObjectStore.prototype.put = put; }
  };

  const quota = await withPut(function () { throw new DOMException('the quota is exhausted', 'QuotaExceededError'); }, () => idb.putBatch(handle, next));
  const afterQuota = await loadAll(idb, handle);
  let puts = 0;
  const aborted = await withPut(function (...args) {
    const request = put.apply(this, args);
    // Half the chunks are already put when the transaction dies: none of them may stay.
    if (++puts === 8) this.transaction.abort();
    return request;
  }, () => idb.putBatch(handle, next));
  const afterAbort = await loadAll(idb, handle);

  // Damage the chunk of agent 5 from outside, then write a batch touching it.
  const damagedKey = await chunkHolding(name, 'agent-FAJ_121_1005');
  await raw(name, (db) => rawRequest(db, 'chunks', 'readwrite', (s) => s.put(Uint8Array.of(1, 0, 0, 0, 9), damagedKey)));
  const onDamaged = await outcome(idb.putBatch(handle, next));
  const loadDamaged = await outcome(idb.load(handle, 'q_tables', null));
  const damaged = await raw(name, (db) => rawRequest(db, 'chunks', 'readonly', (s) => s.get(damagedKey)));
  idb.close(handle);
  return { stored, quota, afterQuota, aborted, afterAbort, abortedAfterPuts: puts, onDamaged, loadDamaged, damagedChunk: [...damaged.result], damagedKey };
}

// The keys of every row of a three-section packet.
function unpackAll(packet) {
  const keys = [];
  for (let section = 0, at = 0; section < 3; section++) {
    const [rows, next] = readSection(packet, at);
    keys.push(...rows.map(([key]) => key));
    at = next;
  }
  return keys;
}

// The key of the chunk record whose rows include `agentId`, found by reading the raw records.
async function chunkHolding(name, agentId) {
  const { result } = await raw(name, async (db) => {
    const keys = await rawRequest(db, 'chunks', 'readonly', (s) => s.getAllKeys());
    const values = await rawRequest(db, 'chunks', 'readonly', (s) => s.getAll());
    return keys.find((_, i) => unpackAll(values[i]).includes(agentId));
  });
  return result;
}

/**
 * What a swarm learned, stored the way schema 1 stored it (records copied by the schema 1 module),
 * then restored by a new swarm through the .NET store: the upgrade must lose nothing.
 */
export async function swarmOverSchema1({ idb, v1, elex }, name) {
  const first = await elex.createSwarm({ databaseName: `${name}-source` });
  const response = await first.query('which counters show MSM is working?');
  const feedback = await first.feedback({ responseId: response.responseId, reward: 1, success: true });
  const learned = await first.getAgentStats(response.agentId);
  await first.shutdown();

  const source = await idb.open(`${name}-source`);
  const sections = [];
  for (const store of ['q_tables', 'trajectories', 'agent_state']) sections.push((await idb.load(source, store, null)).packet);
  idb.close(source);
  const legacy = await v1.open(name);
  // One-section packets laid end to end are the three-section packet putBatch takes.
  const packet = new Uint8Array(sections.reduce((n, s) => n + s.byteLength, 0));
  sections.reduce((at, s) => { packet.set(s, at); return at + s.byteLength; }, 0);
  const records = await v1.putBatch(legacy, packet);
  v1.close(legacy);

  const second = await elex.createSwarm({ databaseName: name });
  const restored = await second.getAgentStats(response.agentId);
  await second.shutdown();
  const stored = await raw(name);
  return { durable: feedback.durable, records, learned, restored, version: stored.version, stores: stored.stores };
}
