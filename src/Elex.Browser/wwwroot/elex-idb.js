// IndexedDB side of Elex.Browser's IndexedDbAgentStore: the agent stores of the seed SDK
// (q_tables, trajectories, agent_state) plus settings. Every failure rejects with an Error whose
// message starts with a tag ([elex-idb:QUOTA], [elex-idb:BLOCKED], [elex-idb:VERSION], …) so the
// .NET side can turn it into a StoreException without parsing prose.

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

/** Opens (creating or upgrading) the database; rejects tagged VERSION, BLOCKED or FAILED. */
export function open(name) {
  return new Promise((resolve, reject) => {
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
      resolve(db);
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
export function version(db) {
  return db.version;
}

// Structured clone stores a view's whole underlying buffer; copy so only the record's bytes are kept.
function ownBytes(data) {
  return new Uint8Array(data);
}

/**
 * Writes one batch in one readwrite transaction; resolves on oncomplete (committed), rejects when
 * the transaction aborts (then nothing of the batch is stored).
 * batch: { qTables: [{agentId, data}], trajectories: [{agentId, trajectoryId, data}], agentStates: [{agentId, json}] }
 */
export function putBatch(db, batch) {
  const count = batch.qTables.length + batch.trajectories.length + batch.agentStates.length;
  return new Promise((resolve, reject) => {
    let tx;
    try {
      tx = db.transaction(['q_tables', 'trajectories', 'agent_state'], 'readwrite');
      const q = tx.objectStore('q_tables');
      for (const r of batch.qTables) q.put({ agentId: r.agentId, data: ownBytes(r.data) }, r.agentId);
      const t = tx.objectStore('trajectories');
      for (const r of batch.trajectories) t.put({ agentId: r.agentId, trajectoryId: r.trajectoryId, data: ownBytes(r.data) }, [r.agentId, r.trajectoryId]);
      const s = tx.objectStore('agent_state');
      for (const r of batch.agentStates) s.put({ agentId: r.agentId, json: r.json }, r.agentId);
    } catch (e) {
      if (tx) { try { tx.abort(); } catch { /* already finished */ } }
      reject(requestFailure(`A batch of ${count} records was refused`, e));
      return;
    }
    tx.oncomplete = () => resolve(count);
    tx.onabort = () => reject(requestFailure(`A batch of ${count} records was rolled back`, tx.error));
  });
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

export function loadQTables(db) {
  return readAll(db, 'q_tables');
}

export function loadTrajectories(db, agentId) {
  return readAll(db, 'trajectories', agentId == null ? undefined : agentRange(agentId));
}

export function loadAgentStates(db) {
  return readAll(db, 'agent_state');
}

/** Deletes everything stored for one agent in one transaction. */
export function clearAgent(db, agentId) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['q_tables', 'trajectories', 'agent_state'], 'readwrite');
    tx.objectStore('q_tables').delete(agentId);
    tx.objectStore('trajectories').delete(agentRange(agentId));
    tx.objectStore('agent_state').delete(agentId);
    tx.oncomplete = () => resolve(true);
    tx.onabort = () => reject(requestFailure(`Clearing ${agentId} failed`, tx.error));
  });
}

export function getSetting(db, key) {
  return new Promise((resolve, reject) => {
    const request = db.transaction('settings', 'readonly').objectStore('settings').get(key);
    request.onsuccess = () => resolve(request.result ?? null);
    request.onerror = () => reject(requestFailure(`Reading setting '${key}' failed`, request.error));
  });
}

export function setSetting(db, key, value) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('settings', 'readwrite');
    tx.objectStore('settings').put(value, key);
    tx.oncomplete = () => resolve(true);
    tx.onabort = () => reject(requestFailure(`Saving setting '${key}' failed`, tx.error));
  });
}

/** Records and bytes per agent store: [{records, bytes}] for q_tables, trajectories, agent_state. */
export async function statistics(db) {
  const usage = (rows, size) => ({ records: rows.length, bytes: rows.reduce((sum, r) => sum + size(r), 0) });
  const encoder = new TextEncoder();
  const [q, t, s] = await Promise.all([loadQTables(db), loadTrajectories(db), loadAgentStates(db)]);
  return [
    usage(q, (r) => r.data.byteLength),
    usage(t, (r) => r.data.byteLength),
    usage(s, (r) => encoder.encode(r.json).byteLength),
  ];
}

export function close(db) {
  db.close();
}
