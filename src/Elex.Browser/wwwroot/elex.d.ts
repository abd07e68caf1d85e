/**
 * The Elex swarm's JavaScript API: feature agents answering questions about Ericsson RAN
 * features, running as .NET WebAssembly in a page (Blazor or plain) or in Node. Every call returns
 * a Promise; failures reject with an {@link ElexError} whose `code` says what went wrong.
 *
 * @example
 * import { createSwarm, QueryType } from './_content/Elex.Browser/elex.js';
 * const swarm = await createSwarm({ maxAgents: 50 });
 * const answer = await swarm.query({ text: 'which counters show MSM is working?', type: QueryType.Counter });
 * console.log(answer.featureCode, answer.confidence, answer.text);
 * await swarm.feedback({ responseId: answer.responseId, reward: 1, success: true });
 */

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
}

/** A question. `type`/`complexity` (number or name) override the classifier. */
export interface Query {
  text: string;
  type?: QueryTypeValue | QueryTypeName;
  /** The seed SDK's name for `type`. */
  queryType?: QueryTypeValue | QueryTypeName;
  complexity?: ComplexityValue | ComplexityName;
  /** Your id, echoed as `queryId`. */
  id?: string;
  /** Optional context hash. */
  context?: string;
}

/** A safety verdict of a proposed command. */
export type Safety = 'Safe' | 'NeedsApproval' | 'Rejected' | 'PendingValidation';

/** A cmedit command an answer proposes, with its safety verdict. Only `Safe` commands are `runnable`. */
export interface ProposedCommand {
  command: string;
  kind: string;
  purpose: string;
  mo: string | null;
  parameter: string | null;
  value: string | null;
  safety: Safety;
  /** Why the verdict was given (e.g. the bound a value broke). */
  safetyReason: string;
  runnable: boolean;
}

/** The swarm's answer to one query (plain JSON). */
export interface QueryResponse {
  /** Feedback refers to this id. */
  responseId: string;
  queryId: string;
  queryText: string;
  /** `Unsure`: below the abstention threshold — `featureCode` is the best guess, no agent, no commands. */
  status: 'Answered' | 'Unsure' | 'NoMatch' | 'Rejected' | 'Error';
  text: string;
  agentId: string | null;
  featureCode: string | null;
  featureName: string | null;
  /** Routing confidence, 0–1. */
  confidence: number;
  queryType: QueryTypeValue;
  queryTypeName: QueryTypeName;
  complexity: ComplexityValue;
  complexityName: ComplexityName;
  /** Alternative feature codes, best first. */
  alternatives: string[];
  /** What the router matched and every catalog fact the answer used. */
  evidence: string[];
  commands: ProposedCommand[];
  /** The seed SDK's command list (`commands[].command`). */
  cmeditCommands: string[];
  /** The seed SDK's risk level: the worst verdict among the commands. */
  riskLevel: 'none' | 'low' | 'medium' | 'high';
  warnings: string[];
  /** The response strategy the agent's Q-policy chose. */
  strategy: string;
  error: string | null;
  latencyMs: number;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** Feature codes the question names itself (code, licence key, acronym, whole name, an identifier only it has), best first. */
  namedFeatures: string[];
  /** The feature codes of the session the question was asked in (empty outside a session). */
  contextFeatures: string[];
  /**
   * True when the question named no feature of its own and was answered about a feature of
   * `contextFeatures` (a follow-up such as "and its counters?").
   */
  resolvedFromContext: boolean;
}

/** A feature a session is about. */
export interface ContextFeature {
  code: string;
  name: string;
}

/**
 * A conversation on a swarm ({@link Swarm.createSession}): a follow-up that names no feature of its
 * own ("how do I activate it?") is answered about the feature(s) the session is about, and the
 * response says so (`resolvedFromContext`); naming another feature switches the session to it. A
 * question comparing two features keeps both in context. Sessions are independent of each other;
 * their questions are answered one at a time, in the order asked.
 * @example
 * const chat = await swarm.createSession();
 * await chat.query('which counters show MSM is saving energy?');
 * const r = await chat.query('and how do I activate it?');
 * console.log(r.featureCode, r.resolvedFromContext); // 'FAJ 121 3094' true
 */
export interface Session {
  /** The session's handle, unique within its swarm. */
  readonly id: number;
  /**
   * Asks a question in this session (a string is short for `{ text }`). Rejects with
   * `INVALID_QUERY`, `SESSION_CLOSED` or `SWARM_DISPOSED`.
   */
  query(query: Query | string): Promise<QueryResponse>;
  /**
   * The features the session is about, most recent first (none, one, or two after a comparison).
   * @example
   * const [current] = await chat.context(); label.textContent = current?.name ?? 'no feature yet';
   */
  context(): Promise<ContextFeature[]>;
  /** Forgets the features in context: the next question starts afresh. */
  reset(): Promise<void>;
  /** Ends the session; later calls reject with `SESSION_CLOSED`. */
  close(): Promise<void>;
}

/** Feedback on a response (by id) or on an agent's most recent answer. */
export type Feedback =
  | { responseId: string; agentId?: undefined; reward: number; success?: boolean; correct?: undefined }
  | { agentId: string; responseId?: undefined; reward: number; success?: boolean; correct?: undefined }
  /**
   * Names the feature that should have answered (an Answered or Unsure response): the router learns
   * to send questions like it there, stored with the agents' state. Reward defaults to -1 for the
   * agent that answered.
   * @example await swarm.feedback({ responseId: r.responseId, correct: 'FAJ 121 3009' });
   */
  | { responseId: string; correct: string; agentId?: undefined; reward?: number; success?: boolean };

/** What an applied feedback resolves with. */
export interface FeedbackResult {
  status: 'Applied';
  agentId: string | null;
  message: string;
  /** True when the learning was committed to IndexedDB before the Promise resolved. */
  durable: boolean;
}

/** One agent (the seed SDK's `AgentStats` names). */
export interface AgentStats {
  agentId: string;
  featureCode: string;
  featureName: string;
  /** Lifecycle: `ColdStart`, `Ready`, `Degraded`, `Offline` (not loaded), … */
  status: string;
  queryCount: number;
  successCount: number;
  successRate: number;
  avgLatencyMs: number;
  confidence: number;
  /** 0–1. */
  health: number;
  qTableEntries: number;
  trajectoryCount: number;
  epsilon: number;
  lastActive: number;
}

/** The sliding latency window (also what `telemetry.subscribe` delivers). */
export interface LatencyWindow {
  timestamp: number;
  windowMs: number;
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Queries per second over the window. */
  throughput: number;
  successRate: number;
  averageConfidence: number;
}

/** Background persistence health. */
export interface PersistenceStatus {
  enabled: boolean;
  lastPersistedAt: number | null;
  writes: number;
  agentsPersisted: number;
  failures: number;
  consecutiveFailures: number;
  lastError: string | null;
}

/** Why a delta was refused (never merged). */
export type SyncRejectionReason = 'Malformed' | 'Unsigned' | 'UntrustedKey' | 'BadSignature' | 'Replayed';

/**
 * Federated sync state.
 * @example
 * const { sync } = await swarm.getSwarmStats();
 * status.textContent = sync.connected ? `${sync.accepted} deltas from peers` : `offline: ${sync.lastError}`;
 */
export interface SyncStatus {
  /** This swarm's public key, `ed25519-pub:…`. */
  identity: string;
  /** The relay connection is open. */
  connected: boolean;
  /** Own deltas published. */
  deltasSent: number;
  /** Peers' deltas verified and merged. */
  accepted: number;
  /** Deltas refused, whatever the reason (see `rejectedByReason`). */
  rejected: number;
  /** Agents acting on peers' learning. */
  peerAgents: number;
  /** Why the connection failed or closed, or a publish failed; null while all is well. */
  lastError: string | null;
  /** The relay sync was started with, or null. */
  relayUrl: string | null;
  /** Refused deltas by reason. */
  rejectedByReason: Record<SyncRejectionReason, number>;
  /** When the last own delta was published (ms since the epoch), or null. */
  lastSentAt: number | null;
  /** Peers' keys this swarm accepts deltas from (its own is implied). */
  trustedKeys: string[];
}

/** The whole swarm (the seed SDK's `SwarmStats` names plus latency, persistence and sync). */
export interface SwarmStats {
  totalAgents: number;
  activeAgents: number;
  totalQueries: number;
  totalSuccesses: number;
  avgLatencyMs: number;
  cacheHitRate: number;
  memoryUsageMB: number;
  uptimeMs: number;
  topology: TopologyName;
  latency: LatencyWindow;
  persistence: PersistenceStatus;
  sync: SyncStatus;
}

/** Delivery counters of one subscription. */
export interface SubscriptionStats {
  delivered: number;
  /** Items dropped because the subscriber's mailbox was full (oldest first). */
  dropped: number;
  /** Items waiting in the mailbox. */
  pending: number;
  /** Callback invocations that threw or rejected (reported, delivery goes on). */
  errors: number;
  closed: boolean;
}

/** Stops delivery; `stats()` tells what was delivered and dropped. */
export interface Unsubscribe {
  (): void;
  stats(): SubscriptionStats;
}

/** Options of `subscribe`. */
export interface SubscribeOptions {
  /**
   * How many items may wait for a slow callback (default 256). Each subscriber has its own
   * mailbox; the callback is awaited one item at a time (so async callbacks see items in order),
   * and when the mailbox is full the oldest waiting item is dropped and counted in `dropped`.
   */
  capacity?: number;
}

/** A stream of values pushed by the swarm. */
export interface Stream<T> {
  /**
   * Calls `listener` with each value until the returned function is called.
   * @example
   * const stop = swarm.responses.subscribe((r) => console.log(r.featureCode, r.confidence));
   * // later
   * stop(); console.log(stop.stats().dropped);
   */
  subscribe(listener: ((value: T) => void | Promise<void>) | { next(value: T): void | Promise<void> }, options?: SubscribeOptions): Unsubscribe;
}

/** Routing latency measured in the page (router only). */
export interface RouteBenchmark {
  queries: number;
  p50Us: number;
  p95Us: number;
  p99Us: number;
  meanUs: number;
  maxUs: number;
  /** The page clock's step (about 5 µs when cross-origin isolated, 100 µs otherwise). */
  timerResolutionUs: number;
}

/** One batch write of every agent. */
export interface PersistBenchmark {
  agents: number;
  writeMs: number;
  qTableRecords: number;
  trajectoryRecords: number;
  agentStateRecords: number;
}

/** Where {@link Swarm.loadModel} is in loading the sentence model. */
export interface ModelProgress {
  /**
   * `manifest` (reading manifest.json), `download` (files arriving, or read from the cache: see
   * `fromCache`), `session` (ONNX Runtime Web compiling the graph), `attach` (.NET reading the feature
   * vectors), `ready`.
   */
  phase: 'manifest' | 'download' | 'session' | 'attach' | 'ready';
  /** Bytes of the asset in hand so far (decoded, all files together). */
  loaded: number;
  /** Bytes of the whole asset (the manifest's sizes: model, vocabulary, vectors, runtime binary). */
  total: number;
  /** True when this step was served from the Cache Storage API rather than the network. */
  fromCache: boolean;
  /** The file a `download` event is about. */
  file?: string;
}

/** Options of {@link Swarm.loadModel}. */
export interface ModelLoadOptions {
  /**
   * The folder `elex model export DIR --ort …/onnxruntime-web/dist` wrote, served as static files
   * (manifest.json, model.onnx, vocab.txt, features.bin, ort/). In Node a path or `file:` URL is read from disk.
   */
  url: string;
  /** Called as the load goes on (also from the cache); a callback that throws does not fail the load. */
  onProgress?: (progress: ModelProgress) => void;
}

/** The sentence model of a swarm. */
export interface ModelStatus {
  /** `none` until loadModel, `loading`, `ready`, or `failed` (see `error`: the swarm routes without it). */
  state: 'none' | 'loading' | 'ready' | 'failed';
  modelId: string | null;
  /** Features with a model vector. */
  features: number;
  /** Of those, how many this page encoded itself (their text was not in the shipped vectors). */
  encodedFeatures: number;
  /** Milliseconds .NET took to read the vectors and attach the model. */
  attachMs: number;
  /** Why the model is not in use (state `failed`). */
  error: string | null;
}

/** What a completed {@link Swarm.loadModel} resolves with. */
export interface ModelLoadResult extends ModelStatus {
  /** Bytes of the asset (decoded). */
  bytes: number;
  /** True when every file came from the Cache Storage API (a reload). */
  fromCache: boolean;
  /** From the call to ready, in milliseconds. */
  loadMs: number;
}

/** A running swarm. */
export interface Swarm {
  /**
   * Asks a question (a string is short for `{ text }`).
   * Rejects with `INVALID_QUERY` (empty text, unknown type) or `SWARM_DISPOSED`.
   * @example
   * const r = await swarm.query({ text: 'set sleepMode to 2 on cell X' });
   * for (const c of r.commands) console.log(c.command, c.safety, c.safetyReason);
   */
  query(query: Query | string): Promise<QueryResponse>;
  /**
   * Starts a session (a conversation) in which follow-up questions are understood in the context of
   * the earlier ones. Rejects with `SWARM_DISPOSED`.
   * @example
   * const chat = await swarm.createSession();
   * await chat.query('what is TTI bundling good for?');
   * const r = await chat.query('what about its prerequisites?'); // about TTI Bundling
   */
  createSession(): Promise<Session>;
  /**
   * Teaches the agent behind a response; resolves once applied (and committed to IndexedDB).
   * Rejects with `UNKNOWN_RESPONSE`, `UNKNOWN_AGENT` or `INVALID_FEEDBACK`.
   * @example
   * await swarm.feedback({ responseId: r.responseId, reward: 1, success: true });
   * await swarm.feedback('FAJ 121 3094', -0.5, false); // the seed SDK's form: the agent's last answer
   */
  feedback(feedback: Feedback): Promise<FeedbackResult>;
  feedback(agentId: string, reward: number, success: boolean): Promise<FeedbackResult>;
  /**
   * One agent by agent id or feature code; rejects with `UNKNOWN_AGENT`.
   * @example
   * const s = await swarm.getAgentStats('FAJ 121 3094'); console.log(s.queryCount, s.epsilon);
   */
  getAgentStats(agentIdOrCode: string): Promise<AgentStats>;
  /**
   * The whole swarm.
   * @example
   * const { latency } = await swarm.getSwarmStats(); console.log(latency.p95Ms);
   */
  getSwarmStats(): Promise<SwarmStats>;
  /** Writes every agent to IndexedDB now; resolves once committed. */
  persist(): Promise<void>;
  /**
   * Publishes own learning to sync peers now; resolves with the agents carried (0: nothing learned
   * yet, nothing sent). Rejects with `SYNC_NOT_STARTED` when sync was never started (no
   * `config.sync`, no `startSync`) and `SYNC_UNAVAILABLE` when the relay is not connected (could
   * not be reached, or the connection was lost; `startSync` connects again).
   * @example
   * await swarm.feedback({ responseId: r.responseId, reward: 1, success: true });
   * const agents = await swarm.sync();
   */
  sync(): Promise<number>;
  /**
   * Trusts `trustedKeys` and connects to `relayUrl`; resolves once connected. Rejects with
   * `INVALID_CONFIG` (a field; or another relay while connected), `SYNC_UNAVAILABLE` (not reachable:
   * the keys are trusted all the same, and a later call tries again). Connected to the same relay
   * already: only adds the keys.
   * @example
   * await swarm.startSync({ relayUrl: 'ws://127.0.0.1:5080/sync', trustedKeys: [await peer.identity()] });
   */
  startSync(options: SyncOptions): Promise<void>;
  /**
   * This swarm's public key, `ed25519-pub:…`: show it to peers, who put it in their `trustedKeys`.
   * Kept in IndexedDB, so it survives reloads (with `enableIndexedDB: false` it is new every start).
   * @example
   * keyBox.textContent = await swarm.identity();
   */
  identity(): Promise<string>;
  /**
   * Trusts a peer's key from now on (also while connected); resolves true when it was not trusted
   * before. Rejects with `INVALID_CONFIG` when it is not an `ed25519-pub:…` key.
   * @example
   * await swarm.trust(pastedKey);
   */
  trust(key: string): Promise<boolean>;
  /**
   * Loads the sentence model (snowflake-arctic-embed-xs, the CLI's model) so that questions in an
   * engineer's own words are understood as on the CLR: the asset is downloaded once with progress and
   * kept in the Cache Storage API apart from the app (a reload reads it from there), run by ONNX Runtime
   * Web (single-threaded WebAssembly) in the page or in Node, and questions that exact evidence does not
   * settle are encoded in micro-batches. The default package never fetches any of it. Until this
   * resolves, and if it rejects, the swarm answers on exact and lexical evidence. Rejects with
   * `MODEL_UNAVAILABLE` (naming the URL or file and what was wrong: not found, not JSON, cut short, not
   * an ONNX graph) or `INVALID_CONFIG` (no url). Calling it again after a success resolves at once.
   * @example
   * const bar = document.querySelector('progress');
   * const model = await swarm.loadModel({ url: '/elex-model/', onProgress: (p) => { bar.max = p.total; bar.value = p.loaded; } });
   * console.log(model.modelId, model.fromCache ? 'from the cache' : `${model.bytes} bytes downloaded`);
   */
  loadModel(options: ModelLoadOptions | string): Promise<ModelLoadResult>;
  /**
   * The sentence model's state.
   * @example
   * const { state, error } = await swarm.modelStatus(); if (state === 'failed') showWarning(error);
   */
  modelStatus(): Promise<ModelStatus>;
  /** Persists, stops the swarm and closes its database; later calls reject with `SWARM_DISPOSED`. */
  shutdown(): Promise<void>;
  /** Every response, in order, as it is produced. */
  readonly responses: Stream<QueryResponse>;
  /**
   * The latency window: the current value on subscribe, then every update.
   * @example
   * swarm.telemetry.subscribe((w) => chart.push(w.p50Ms, w.p95Ms));
   */
  readonly telemetry: Stream<LatencyWindow>;
  /** Measurements for tests and capacity planning. */
  readonly diagnostics: {
    /** Times the router alone over `queries` catalog questions (default 1000). */
    routeLatency(queries?: number): Promise<RouteBenchmark>;
    /** On a scratch swarm over `<databaseName>-persist-benchmark` (this swarm is never asked or taught anything: its learned state stays as it was), makes every catalog agent answer and learn once, then times one batch write of all of them. Rejects with `STORE_ERROR` when this swarm has no store. */
    persistAll(): Promise<PersistBenchmark>;
  };
}

/**
 * Creates and starts a swarm over the embedded sample catalog, or `config.catalog` /
 * `config.catalogUrl` (restoring from IndexedDB unless `enableIndexedDB` is false). Rejects with
 * `INVALID_CONFIG`, `INVALID_CATALOG`, `STORE_ERROR` or `NOT_LOADED`.
 * @example
 * const swarm = await createSwarm({ enableIndexedDB: false });
 */
export declare function createSwarm(config?: SwarmConfig): Promise<Swarm>;

/**
 * The seed SDK's entry point: `await new ElexSwarm(config)` is a {@link Swarm}.
 * @example
 * const swarm = await new ElexSwarm({ topology: 'hierarchical_mesh' });
 */
export declare const ElexSwarm: {
  new (config?: SwarmConfig): Promise<Swarm>;
  create(config?: SwarmConfig): Promise<Swarm>;
};

/**
 * Starts the .NET runtime once (createSwarm calls it): on a Blazor page through `Blazor.start()`
 * (the page loads `_framework/blazor.webassembly.js` with `autostart="false"`); on a plain page or in
 * Node from `../../_framework/dotnet.js` next to this module (the `src/Elex.Wasm` publish).
 */
export declare function boot(): Promise<unknown>;

/** This module's API version. */
export declare function version(): string;

/** What this build is. */
export declare function buildInfo(): { version: string; runtime: string; host: 'blazor' | 'browser' | 'node'; catalog: string; storage: 'IndexedDB' | 'memory' };

/** Whether the browser supports WebAssembly SIMD. */
export declare function isSimdAvailable(): boolean;

/** Features of this build. */
export declare function getSupportedFeatures(): string[];
