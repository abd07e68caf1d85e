// Schema 2 keeps every agent's records in one of CHUNK_COUNT chunk records (object store `chunks`,
// key 0 .. CHUNK_COUNT - 1), chosen by a hash of the agent id. Each chunk's value is a packet of three
// sections: q_tables, trajectories, agent_state rows (elex-idb-packet.js). Chromium pays per put far
// more than per byte: all 593 agents were 1,779 puts and ~100 ms to commit; as 32 chunks they are
// 32 puts. A batch replaces rows by (store, agent id, trajectory id) and leaves the rest of a chunk
// as it was, so a write of a few agents rewrites only their chunks.
import { readPacket, utf8, writePacket } from './elex-idb-packet.js';

/** Chunk records per database; part of the stored format (changing it needs a schema version). */
export const CHUNK_COUNT = 32;

/** The sections of a chunk, by the seed's store names. */
export const SECTIONS = { q_tables: 0, trajectories: 1, agent_state: 2 };

/** The chunk holding the agent whose id is `agentId` (a string, or its UTF-8 bytes): FNV-1a over the UTF-8 bytes. */
export function chunkOf(agentId) {
  const bytes = typeof agentId === 'string' ? utf8(agentId) : agentId;
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % CHUNK_COUNT;
}

/** Rows of three sections grouped by chunk: Map(chunk -> [q_tables rows, trajectories rows, agent_state rows]). */
export function groupByChunk(sections) {
  const groups = new Map();
  sections.forEach((rows, section) => {
    for (const r of rows) {
      const chunk = chunkOf(r.keyBytes);
      let group = groups.get(chunk);
      if (!group) groups.set(chunk, (group = [[], [], []]));
      group[section].push(r);
    }
  });
  return groups;
}

/** The three sections of a stored chunk value (none stored: empty); throws [elex-idb:FAILED] when it is damaged. */
export function readChunk(value, chunk) {
  return value === undefined ? [[], [], []] : readPacket(value, 3, `chunk ${chunk}`, true);
}

// One identity per row within a section, made from the key bytes without decoding them (one
// character per byte); the length prefix keeps key and subKey apart.
const latin1 = new TextDecoder('latin1');
const chars = (bytes) => (bytes.length <= 256 ? String.fromCharCode.apply(null, bytes) : latin1.decode(bytes));
const identity = (r) => `${r.keyBytes.length}:${chars(r.keyBytes)}${r.subKeyBytes ? `/${chars(r.subKeyBytes)}` : ''}`;

/** A chunk's new value: its stored rows with `incoming`'s added or replaced. */
export function mergeChunk(value, chunk, incoming) {
  return writePacket(readChunk(value, chunk).map((rows, section) => {
    const updates = incoming[section];
    if (updates.length === 0) return rows;
    const merged = new Map(rows.map((r) => [identity(r), r]));
    for (const r of updates) merged.set(identity(r), r);
    return [...merged.values()];
  }));
}

/** A chunk's new value without `agentId`'s rows, or null when nothing is left. */
export function withoutAgent(value, chunk, agentId) {
  const sections = readChunk(value, chunk).map((rows) => rows.filter((r) => r.key !== agentId));
  return sections.every((rows) => rows.length === 0) ? null : writePacket(sections);
}
