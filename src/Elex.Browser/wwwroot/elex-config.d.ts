/** The Elex JS API's constants, errors and configuration (re-exported by elex.d.ts). */

/** Query types, the seed SDK's numbers. */
export declare const QueryType: {
  readonly Parameter: 0;
  readonly Counter: 1;
  readonly Kpi: 2;
  readonly Procedure: 3;
  readonly Troubleshoot: 4;
  readonly General: 5;
};
/** One of the {@link QueryType} numbers. */
export type QueryTypeValue = (typeof QueryType)[keyof typeof QueryType];
/** A query type by name. */
export type QueryTypeName = keyof typeof QueryType;

/** Complexity, the seed SDK's numbers. */
export declare const Complexity: {
  readonly Simple: 0;
  readonly Moderate: 1;
  readonly Complex: 2;
};
/** One of the {@link Complexity} numbers. */
export type ComplexityValue = (typeof Complexity)[keyof typeof Complexity];
/** A complexity by name. */
export type ComplexityName = keyof typeof Complexity;

/** A swarm topology name. */
export type TopologyName = 'mesh' | 'hierarchical' | 'hierarchical_mesh';

/**
 * Swarm topologies as the seed SDK spells them (routing is the same in all today).
 * @example
 * const swarm = await createSwarm({ topology: Topology.hierarchical_mesh() });
 */
export declare const Topology: {
  readonly mesh: () => 'mesh';
  readonly hierarchical: () => 'hierarchical';
  readonly hierarchical_mesh: () => 'hierarchical_mesh';
};

/** Every `code` an {@link ElexError} can carry. */
export type ErrorCodeName =
  | 'INVALID_QUERY'
  | 'INVALID_CONFIG'
  | 'UNKNOWN_RESPONSE'
  | 'UNKNOWN_AGENT'
  | 'INVALID_FEEDBACK'
  | 'SWARM_DISPOSED'
  | 'SESSION_CLOSED'
  | 'SYNC_NOT_STARTED'
  | 'SYNC_UNAVAILABLE'
  | 'STORE_ERROR'
  | 'NOT_LOADED'
  | 'MODEL_UNAVAILABLE'
  | 'INVALID_CATALOG'
  | 'INTERNAL';

/** The error codes as constants. */
export declare const ErrorCode: { readonly [K in ErrorCodeName]: K };

/**
 * What every failed call rejects with.
 * @example
 * try { await swarm.query({ text: '' }); }
 * catch (e) { if (e instanceof ElexError && e.code === 'INVALID_QUERY') showHint(e.message); }
 */
export declare class ElexError extends Error {
  /** What went wrong, machine-readable. The `message` says it in words and never contains the code. */
  readonly code: ErrorCodeName;
  constructor(code: ErrorCodeName, message: string, cause?: unknown);
}

/**
 * Federated sync through a relay (`samples/Elex.SyncRelay`): what `config.sync` and
 * {@link Swarm.startSync} take — the options of `elex sync --relay URL --trust FILE`. Invalid
 * values reject with `INVALID_CONFIG` naming the field (`sync.relayUrl`, `sync.trustedKeys[1]`, …).
 * Trust is not stored: give the keys at every start.
 * @example
 * const swarm = await createSwarm({
 *   sync: { relayUrl: 'ws://127.0.0.1:5080/sync', trustedKeys: ['ed25519-pub:…'] },
 * });
 */
export interface SyncOptions {
  /**
   * The relay's WebSocket address, `ws://` or `wss://` (a page served over https needs `wss://`).
   * @example
   * await swarm.startSync({ relayUrl: 'wss://relay.example.org/sync' });
   */
  relayUrl: string;
  /**
   * Peers' public keys (`ed25519-pub:…`, what their {@link Swarm.identity} returns) whose deltas
   * are merged; deltas signed by anyone else are rejected and counted (`UntrustedKey`).
   * @example
   * await swarm.startSync({ relayUrl, trustedKeys: [await peer.identity()] });
   */
  trustedKeys?: string[];
  /**
   * How long connecting may take, in ms. Default 10000. A relay that does not answer in time (or
   * refuses) does not fail `createSwarm`: the swarm answers, `getSwarmStats().sync` shows
   * `connected: false` with `lastError`, and `sync()` rejects with `SYNC_UNAVAILABLE`.
   * @example
   * const swarm = await createSwarm({ sync: { relayUrl, connectTimeoutMs: 3000 } });
   */
  connectTimeoutMs?: number;
}

/** Options of {@link createSwarm}; all optional (the seed SDK's `SwarmConfig` names). */
export interface SwarmConfig {
  /** Default `hierarchical_mesh`. */
  topology?: TopologyName;
  /** Agents kept loaded; least recently used evicted beyond (their counters survive). Default 50. */
  maxAgents?: number;
  /** Publish telemetry. Default true. */
  enableTelemetry?: boolean;
  /**
   * Persist learning to IndexedDB and restore it on the next start. Default: true wherever
   * `indexedDB` exists (browsers; Node with e.g. `fake-indexeddb/auto`), false elsewhere.
   */
  enableIndexedDB?: boolean;
  /** IndexedDB database name. Default `elex`. Two swarms must not share one. */
  databaseName?: string;
  /**
   * Accepted for compatibility with the seed SDK's configs and has no effect: no memory budget
   * is enforced; `maxAgents` bounds the agents kept loaded.
   */
  cacheSizeMB?: number;
  /** Create agents on first use. Default true. */
  lazyLoading?: boolean;
  /**
   * Publish learning automatically once sync is started (`sync` below, or `startSync`): at most
   * one delta per `syncIntervalMs` while feedback keeps arriving. Default true.
   */
  autoSync?: boolean;
  /** Least interval between automatic sync publications, at least 1000. Default 60000. */
  syncIntervalMs?: number;
  /** Routes below this confidence are never answered by an agent. Default 0.05 (see also the abstention threshold, 0.7, below which answers are `Unsure`). */
  minConfidence?: number;
  /**
   * An Elex catalog (schema `elex-catalog`, e.g. the full 593-feature one) instead of the embedded
   * sample: JSON text, the parsed object, or its UTF-8 bytes. Invalid: rejects `INVALID_CATALOG`
   * naming the feature and field.
   * @example
   * const swarm = await createSwarm({ catalog: await (await fetch('/elex-catalog.json')).text() });
   */
  catalog?: string | object | Uint8Array | ArrayBuffer;
  /**
   * Where to read the catalog from: fetched in a page; in Node a path or `file:` URL is read from disk.
   * @example
   * const swarm = await createSwarm({ catalogUrl: './elex-catalog.json', enableIndexedDB: false });
   */
  catalogUrl?: string;
  /**
   * Connect to a sync relay as the swarm starts (see {@link SyncOptions}). An unreachable relay does
   * not fail `createSwarm`; `getSwarmStats().sync` says why it is not connected.
   * @example
   * const swarm = await createSwarm({ sync: { relayUrl: 'ws://127.0.0.1:5080/sync', trustedKeys: [peerKey] }, syncIntervalMs: 5000 });
   */
  sync?: SyncOptions;
  /**
   * Run the swarm in a dedicated Web Worker (pages only): the same as {@link createSwarmInWorker}.
   * Default false (the swarm runs in the calling thread).
   * @example
   * const swarm = await createSwarm({ worker: true, databaseName: 'my-app' });
   */
  worker?: boolean;
}
