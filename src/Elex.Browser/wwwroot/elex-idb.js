// IndexedDB side of Elex.Browser's IndexedDbAgentStore (imported by .NET through [JSImport]): the
// seed's agent stores (q_tables, trajectories, agent_state) kept in chunk records
// (elex-idb-chunks.js), plus settings. Databases are numeric handles; rows cross as one packed buffer
// (elex-idb-packet.js). Every failure rejects with a tagged Error (elex-idb-errors.js).
import { failure, requestFailure } from './elex-idb-errors.js';
import { byKey, readPacket, writePacket } from './elex-idb-packet.js';
import { SECTIONS, chunkOf, groupByChunk, mergeChunk, readChunk, withoutAgent } from './elex-idb-chunks.js';
import { schemaVersion, upgrades } from './elex-idb-schema.js';

export { schemaVersion };

/** How long an upgrade waits on connections that have not closed yet before it reports BLOCKED. */
export const BLOCKED_GRACE_MS = 3000;

const connections = new Map();
let nextHandle = 0;

function connection(handle) {
  const db = connections.get(handle);
  if (!db) throw failure('FAILED', `IndexedDB connection ${handle} is closed`);
  return db;
}

/** Opens (creating or upgrading) the database; resolves with a handle; rejects tagged VERSION, BLOCKED, UNAVAILABLE or FAILED. */
export function open(name) {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(failure('UNAVAILABLE', `IndexedDB '${name}' cannot be opened: this environment has no indexedDB`));
      return;
    }
    let request;
    try {
      request = indexedDB.open(name, schemaVersion);
    } catch (e) {
      reject(requestFailure(`IndexedDB '${name}' cannot be opened`, e));
      return;
    }
    let blocked = false;
    let upgradeError = null;
    request.onupgradeneeded = (event) => {
      const tx = request.transaction;
      const fail = (e) => {
        upgradeError ??= e;
        try { tx.abort(); } catch { /* already finished */ }
      };
      try {
        for (let v = event.oldVersion; v < schemaVersion; v++) upgrades[v](request.result, tx, fail);
      } catch (e) {
        fail(e);
      }
    };
    // A connection that is closing but still finishing a transaction (this page's own, a tab being
    // reloaded) blocks for a moment: only one that stays open past the grace period is reported.
    let grace = null;
    request.onblocked = () => {
      grace ??= setTimeout(() => {
        blocked = true;
        reject(failure('BLOCKED', `IndexedDB '${name}' needs an upgrade to schema ${schemaVersion}, but another tab holds it open at an older version; close the other tabs of this app and reload.`));
      }, BLOCKED_GRACE_MS);
    };
    request.onsuccess = () => {
      clearTimeout(grace);
      const db = request.result;
      if (blocked) { db.close(); return; }
      // Another tab's upgrade must never wait on this connection.
      db.onversionchange = () => db.close();
      const handle = ++nextHandle;
      connections.set(handle, db);
      resolve(handle);
    };
    request.onerror = () => {
      clearTimeout(grace);
      const error = request.error;
      if (upgradeError) {
        reject(failure('FAILED', `IndexedDB '${name}' could not be upgraded to schema ${schemaVersion}, so it was left as it was: ${upgradeError.message}`, upgradeError));
      } else if (error && error.name === 'VersionError') {
        reject(failure('VERSION', `IndexedDB '${name}' was written by a newer version of this app (schema above ${schemaVersion}); it was left untouched.`, error));
      } else {
        reject(requestFailure(`IndexedDB '${name}' cannot be opened`, error));
      }
    };
  });
}

/** The schema version the open database is at. */
export function version(handle) {
  return connection(handle).version;
}

/**
 * Writes one packet (sections q_tables, trajectories, agent_state) in one readwrite transaction:
 * each chunk it touches is read, its rows added or replaced, and put back. Resolves with the record
 * count once the transaction completes (committed); rejects when it aborts, and then nothing of the
 * batch is stored and every chunk keeps what it held. A damaged chunk aborts the batch, untouched.
 */
export function putBatch(handle, packet) {
  const started = performance.now();
  // From .NET a view of its memory, valid only during this call: copied before anything awaits.
  if (!(packet instanceof Uint8Array) && typeof packet?.slice === 'function') {
    const view = packet;
    packet = view.slice();
    view.dispose?.();
  }
  return new Promise((resolve, reject) => {
    let tx;
    let count = 0;
    let unpacked = started;
    let merging = 0;
    let refused = null;
    const refuse = (e) => {
      refused ??= e;
      try { tx.abort(); } catch { /* already finished */ }
    };
    try {
      const sections = readPacket(packet, 3, 'the batch');
      count = sections[0].length + sections[1].length + sections[2].length;
      const groups = groupByChunk(sections);
      unpacked = performance.now();
      tx = connection(handle).transaction('chunks', 'readwrite');
      const chunks = tx.objectStore('chunks');
      for (const [chunk, rows] of groups) {
        const request = chunks.get(chunk);
        request.onsuccess = () => {
          const at = performance.now();
          try {
            chunks.put(mergeChunk(request.result, chunk, rows), chunk);
          } catch (e) {
            refuse(e);
          }
          merging += performance.now() - at;
        };
      }
    } catch (e) {
      if (tx) { try { tx.abort(); } catch { /* already finished */ } }
      reject(requestFailure(`A batch of ${count} records was refused`, e));
      return;
    }
    tx.oncomplete = () => {
      const total = performance.now() - started;
      batchTimings.set(handle, [unpacked - started, merging, total - (unpacked - started) - merging]);
      resolve(count);
    };
    tx.onabort = () => reject(requestFailure(`A batch of ${count} records was rolled back`,
      refused ?? tx.error ?? new DOMException('the transaction was aborted before it committed', 'AbortError')));
  });
}

// The phases of each connection's last committed batch, for the persist diagnostic.
const batchTimings = new Map();

/** The last committed batch's phases in ms: [unpack, merge and put, the rest until commit] (empty before the first). */
export function lastBatchTimings(handle) {
  return batchTimings.get(handle) ?? [];
}

function read(store, call) {
  return new Promise((resolve, reject) => {
    const r = call(store);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

// Every chunk as [chunk, value] (agentId given: only its chunk), read in one transaction.
async function chunksOf(db, agentId) {
  const store = db.transaction('chunks', 'readonly').objectStore('chunks');
  if (agentId != null) return [[chunkOf(agentId), await read(store, (s) => s.get(chunkOf(agentId)))]];
  const [keys, values] = await Promise.all([read(store, (s) => s.getAllKeys()), read(store, (s) => s.getAll())]);
  return keys.map((key, i) => [key, values[i]]);
}

/** Every row of one agent store (trajectories: only agentId's when given) as { packet } of one section, in key order. */
export async function load(handle, storeName, agentId) {
  const section = SECTIONS[storeName];
  if (section === undefined) throw failure('FAILED', `there is no agent store '${storeName}'`);
  const one = storeName === 'trajectories' && agentId != null;
  const db = connection(handle);
  let chunks;
  try {
    chunks = await chunksOf(db, one ? agentId : null);
  } catch (e) {
    throw requestFailure(`Reading ${storeName} failed`, e);
  }
  const rows = chunks.flatMap(([chunk, value]) => readChunk(value, chunk)[section]);
  const selected = one ? rows.filter((r) => r.key === agentId) : rows;
  return { packet: writePacket([selected.sort(byKey)]) };
}

/** Deletes everything stored for one agent in one transaction (its chunk keeps the other agents' rows). */
export function clearAgent(handle, agentId) {
  return new Promise((resolve, reject) => {
    const tx = connection(handle).transaction('chunks', 'readwrite');
    const chunks = tx.objectStore('chunks');
    const chunk = chunkOf(agentId);
    let refused = null;
    const read = chunks.get(chunk);
    read.onsuccess = () => {
      try {
        const value = withoutAgent(read.result, chunk, agentId);
        if (value) chunks.put(value, chunk); else chunks.delete(chunk);
      } catch (e) {
        refused = e;
        tx.abort();
      }
    };
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(requestFailure(`Clearing ${agentId} failed`, refused ?? tx.error));
  });
}

export function getSetting(handle, key) {
  return new Promise((resolve, reject) => {
    const request = connection(handle).transaction('settings', 'readonly').objectStore('settings').get(key);
    request.onsuccess = () => resolve(request.result ?? null);
    request.onerror = () => reject(requestFailure(`Reading setting '${key}' failed`, request.error));
  });
}

export function setSetting(handle, key, value) {
  return new Promise((resolve, reject) => {
    const tx = connection(handle).transaction('settings', 'readwrite');
    tx.objectStore('settings').put(value, key);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(requestFailure(`Saving setting '${key}' failed`, tx.error));
  });
}

/** Records and payload bytes of q_tables, trajectories and agent_state: "records,bytes,records,bytes,records,bytes". */
export async function statistics(handle) {
  let chunks;
  try {
    chunks = await chunksOf(connection(handle));
  } catch (e) {
    throw requestFailure('Reading statistics failed', e);
  }
  const usage = [0, 0, 0, 0, 0, 0];
  for (const [chunk, value] of chunks) {
    readChunk(value, chunk).forEach((rows, section) => {
      usage[2 * section] += rows.length;
      for (const r of rows) usage[2 * section + 1] += r.payload.byteLength;
    });
  }
  return usage.join(',');
}

export function close(handle) {
  connections.get(handle)?.close();
  connections.delete(handle);
  batchTimings.delete(handle);
}
