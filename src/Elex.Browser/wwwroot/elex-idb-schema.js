// The schema versions of an elex IndexedDB database and how each is reached from the one before.
// An upgrade runs inside IndexedDB's versionchange transaction, so it is all or nothing: if it fails,
// the database stays at the version it had and its records stay where they were.
import { row } from './elex-idb-packet.js';
import { groupByChunk, mergeChunk } from './elex-idb-chunks.js';
import { failure } from './elex-idb-errors.js';

const encoder = new TextEncoder();

// Index i upgrades a database from version i to i + 1; `fail(error)` aborts the upgrade with a reason.
export const upgrades = [
  // 1: the seed's stores, one record per agent and store (per trajectory in trajectories, key [agentId, trajectoryId]).
  (db) => {
    db.createObjectStore('q_tables');
    db.createObjectStore('trajectories');
    db.createObjectStore('agent_state');
    db.createObjectStore('settings');
  },
  // 2: the three agent stores become 32 chunk records (elex-idb-chunks.js); every record moves over
  // with its bytes unchanged, then the old stores are deleted. Settings stay.
  (db, tx, fail) => {
    const chunks = db.createObjectStore('chunks');
    const legacy = [
      ['q_tables', (v) => row(v.agentId, null, bytesOf(v.data))],
      ['trajectories', (v) => row(v.agentId, text(v.trajectoryId), bytesOf(v.data))],
      ['agent_state', (v) => row(v.agentId, null, encoder.encode(text(v.json)))],
    ];
    const sections = [[], [], []];
    let pending = legacy.length;
    legacy.forEach(([store, toRow], section) => {
      const request = tx.objectStore(store).getAll();
      request.onsuccess = () => {
        try {
          for (const value of request.result) sections[section].push(migrated(store, value, toRow));
          if (--pending > 0) return;
          for (const [chunk, rows] of groupByChunk(sections)) chunks.put(mergeChunk(undefined, chunk, rows), chunk);
          for (const [name] of legacy) db.deleteObjectStore(name);
        } catch (e) {
          fail(e);
        }
      };
    });
  },
];

export const schemaVersion = upgrades.length;

function migrated(store, value, toRow) {
  try {
    if (typeof value?.agentId !== 'string') throw new Error('it has no agent id');
    return toRow(value);
  } catch (e) {
    throw failure('FAILED', `a record of ${store}${typeof value?.agentId === 'string' ? ` (${value.agentId})` : ''} is not in the schema 1 shape: ${e.message}`, e);
  }
}

function bytesOf(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error('its data is not bytes');
}

function text(value) {
  if (typeof value !== 'string') throw new Error('a text field is not a string');
  return value;
}
