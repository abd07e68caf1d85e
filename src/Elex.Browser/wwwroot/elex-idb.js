// IndexedDB side of Elex.Browser's IndexedDbAgentStore (imported by .NET through [JSImport]): the
// agent stores of the seed SDK (q_tables, trajectories, agent_state) plus settings. Databases are
// numeric handles; rows cross as one packed buffer (layout in IdbPacket.cs: per section an int32
// count, per row key, subKey, payload; strings as int32 UTF-8 length or -1, then bytes;
// little-endian). Every failure rejects with an Error whose message starts with a tag
// ([elex-idb:QUOTA], [elex-idb:BLOCKED], [elex-idb:VERSION], [elex-idb:UNAVAILABLE], …) so the .NET
// side can turn it into a StoreException without parsing prose.

// One entry per schema version; index i upgrades a database from version i to i + 1.
const upgrades = [
  (db) => {
    db.createObjectStore('q_tables');
    db.createObjectStore('trajectories');   // key: [agentId, trajectoryId]
    db.createObjectStore('agent_state');
    db.createObjectStore('settings');
  },
];

export const schemaVersion = upgrades.length;

function failure(tag, message, cause) {
  const error = new Error(`[elex-idb:${tag}] ${message}`);
  if (cause) error.cause = cause;
  return error;
}

function requestFailure(what, error) {
  if (error && error.name === 'QuotaExceededError') {
    return failure('QUOTA', `${what}: the browser's storage quota for this site is exhausted (QuotaExceededError); nothing of it was written. Free space or grant persistent storage.`, error);
  }
  return failure('FAILED', `${what}: ${error ? `${error.name}: ${error.message}` : 'unknown IndexedDB error'}`, error);
}

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
    request.onupgradeneeded = (event) => {
      const db = request.result;
      for (let v = event.oldVersion; v < schemaVersion; v++) upgrades[v](db, request.transaction);
    };
    request.onblocked = () => {
      blocked = true;
      reject(failure('BLOCKED', `IndexedDB '${name}' needs an upgrade to schema ${schemaVersion}, but another tab holds it open at an older version; close the other tabs of this app and reload.`));
    };
    request.onsuccess = () => {
      const db = request.result;
      if (blocked) { db.close(); return; }
      // Another tab's upgrade must never wait on this connection.
      db.onversionchange = () => db.close();
      const handle = ++nextHandle;
      connections.set(handle, db);
      resolve(handle);
    };
    request.onerror = () => {
      const error = request.error;
      if (error && error.name === 'VersionError') {
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

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Reads the sections of a packet: [[{ key, subKey, payload }]]; payloads are copies (own buffers),
// so structured clone stores only each record's bytes.
function readPacket(packet, sections) {
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  let at = 0;
  const take = (length) => {
    if (length < 0 || at + length > packet.byteLength) throw failure('FAILED', `a packet is cut short at offset ${at}`);
    const start = at;
    at += length;
    return start;
  };
  const int = () => view.getInt32(take(4), true);
  const text = () => {
    const length = int();
    if (length === -1) return null;
    const start = take(length);
    return decoder.decode(packet.subarray(start, start + length));
  };
  const result = [];
  for (let s = 0; s < sections; s++) {
    const rows = new Array(int());
    for (let i = 0; i < rows.length; i++) {
      const key = text();
      const subKey = text();
      const length = int();
      const start = take(length);
      rows[i] = { key, subKey, payload: packet.slice(start, start + length) };
    }
    result.push(rows);
  }
  return result;
}

// Writes one section: rows of { key, subKey, payload: Uint8Array }.
function writePacket(rows) {
  const encoded = rows.map((r) => ({ key: encoder.encode(r.key), subKey: r.subKey == null ? null : encoder.encode(r.subKey), payload: r.payload }));
  const size = encoded.reduce((sum, r) => sum + 12 + r.key.byteLength + (r.subKey ? r.subKey.byteLength : 0) + r.payload.byteLength, 4);
  const packet = new Uint8Array(size);
  const view = new DataView(packet.buffer);
  let at = 0;
  const int = (value) => { view.setInt32(at, value, true); at += 4; };
  const bytes = (value) => { int(value.byteLength); packet.set(value, at); at += value.byteLength; };
  int(encoded.length);
  for (const r of encoded) {
    bytes(r.key);
    if (r.subKey != null) bytes(r.subKey); else int(-1);
    bytes(r.payload);
  }
  return packet;
}

/**
 * Writes one packet (sections q_tables, trajectories, agent_state) in one readwrite transaction;
 * resolves with the record count on oncomplete (committed), rejects when the transaction aborts
 * (then nothing of the batch is stored). The stored values keep the seed's shapes:
 * q_tables { agentId, data }, trajectories { agentId, trajectoryId, data }, agent_state { agentId, json }.
 */
export function putBatch(handle, packet) {
  return new Promise((resolve, reject) => {
    let tx;
    let count = 0;
    const started = performance.now();
    let unpacked = started;
    let issued = started;
    try {
      const [qTables, trajectories, agentStates] = readPacket(packet, 3);
      count = qTables.length + trajectories.length + agentStates.length;
      unpacked = performance.now();
      tx = connection(handle).transaction(['q_tables', 'trajectories', 'agent_state'], 'readwrite');
      const q = tx.objectStore('q_tables');
      for (const r of qTables) q.put({ agentId: r.key, data: r.payload }, r.key);
      const t = tx.objectStore('trajectories');
      for (const r of trajectories) t.put({ agentId: r.key, trajectoryId: r.subKey, data: r.payload }, [r.key, r.subKey]);
      const s = tx.objectStore('agent_state');
      for (const r of agentStates) s.put({ agentId: r.key, json: decoder.decode(r.payload) }, r.key);
      issued = performance.now();
    } catch (e) {
      if (tx) { try { tx.abort(); } catch { /* already finished */ } }
      reject(requestFailure(`A batch of ${count} records was refused`, e));
      return;
    }
    tx.oncomplete = () => {
      batchTimings.set(handle, [unpacked - started, issued - unpacked, performance.now() - issued]);
      resolve(count);
    };
    tx.onabort = () => reject(requestFailure(`A batch of ${count} records was rolled back`, tx.error));
  });
}

// The phases of each connection's last committed batch, for the persist diagnostic.
const batchTimings = new Map();

/** The last committed batch's phases in ms: [unpack, put, commit] (empty before the first). */
export function lastBatchTimings(handle) {
  return batchTimings.get(handle) ?? [];
}

function readAll(db, storeName, range) {
  return new Promise((resolve, reject) => {
    const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll(range);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(requestFailure(`Reading ${storeName} failed`, request.error));
  });
}

// Array keys sort after strings, so [agentId] .. [agentId, []] spans every [agentId, trajectoryId].
function agentRange(agentId) {
  return IDBKeyRange.bound([agentId], [agentId, []]);
}

const rowOf = {
  q_tables: (v) => ({ key: v.agentId, subKey: null, payload: v.data }),
  trajectories: (v) => ({ key: v.agentId, subKey: v.trajectoryId, payload: v.data }),
  agent_state: (v) => ({ key: v.agentId, subKey: null, payload: encoder.encode(v.json) }),
};

/** Every row of one agent store (trajectories: only agentId's when given) as { packet } of one section. */
export async function load(handle, storeName, agentId) {
  const toRow = rowOf[storeName];
  if (!toRow) throw failure('FAILED', `there is no agent store '${storeName}'`);
  const range = storeName === 'trajectories' && agentId != null ? agentRange(agentId) : undefined;
  const values = await readAll(connection(handle), storeName, range);
  return { packet: writePacket(values.map(toRow)) };
}

/** Deletes everything stored for one agent in one transaction. */
export function clearAgent(handle, agentId) {
  return new Promise((resolve, reject) => {
    const tx = connection(handle).transaction(['q_tables', 'trajectories', 'agent_state'], 'readwrite');
    tx.objectStore('q_tables').delete(agentId);
    tx.objectStore('trajectories').delete(agentRange(agentId));
    tx.objectStore('agent_state').delete(agentId);
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(requestFailure(`Clearing ${agentId} failed`, tx.error));
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

/** Records and bytes of q_tables, trajectories and agent_state: "records,bytes,records,bytes,records,bytes". */
export async function statistics(handle) {
  const db = connection(handle);
  const usage = (rows, size) => [rows.length, rows.reduce((sum, r) => sum + size(r), 0)];
  const [q, t, s] = await Promise.all([readAll(db, 'q_tables'), readAll(db, 'trajectories'), readAll(db, 'agent_state')]);
  return [
    ...usage(q, (r) => r.data.byteLength),
    ...usage(t, (r) => r.data.byteLength),
    ...usage(s, (r) => encoder.encode(r.json).byteLength),
  ].join(',');
}

export function close(handle) {
  connections.get(handle)?.close();
  batchTimings.delete(handle);
  connections.delete(handle);
}
