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

export * from './elex-config.js';
export * from './elex-types.js';
export * from './elex-status.js';
export * from './elex-stream.js';
import type { SwarmConfig, SyncOptions } from './elex-config.js';
import type { Feedback, FeedbackResult, Query, QueryResponse, Session } from './elex-types.js';
import type { AnswerStream } from './elex-stream.js';
import type { AgentStats, LatencyWindow, ModelLoadOptions, ModelLoadResult, ModelStatus, PersistBenchmark, RouteBenchmark, Stream, SwarmStats } from './elex-status.js';

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
   * Asks a question when subscribed and delivers its answer in parts as the swarm produces them:
   * `routed` (feature, agent, confidence, candidates — before the agent answers), each `section`,
   * each command's `verdict`, then `done` with the response `query()` would resolve.
   * @example
   * const stop = swarm.queryStream('set sleepMode to 2 for MSM').subscribe({
   *   next: (p) => p.kind === 'section' ? show(p.lines) : p.kind === 'routed' ? showRouting(p) : undefined,
   *   error: (e) => showError(e.code, e.message),
   *   complete: () => done(),
   * });
   */
  queryStream(query: Query | string): AnswerStream;
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

/** A swarm running in a dedicated Web Worker: the {@link Swarm} API, plus the worker it runs in. */
export interface WorkerSwarm extends Swarm {
  /** The dedicated worker hosting the .NET runtime and the swarm; `shutdown()` terminates it. */
  readonly worker: Worker;
}

/**
 * Creates a swarm in a new dedicated Web Worker (module worker; one runtime and one swarm per
 * worker) with the options of {@link createSwarm}, behind the same API: calls and answers cross as
 * structured clones, `responses`/`telemetry`/`queryStream` subscriptions are bridged (the bounded
 * mailbox and `stats()` stay in the page; unsubscribing ends the worker's subscription), errors are
 * `ElexError`s with the same codes, IndexedDB persistence happens in the worker, and a query waits
 * for room in the swarm's bounded queue as in the page. Use it when a page asks many questions (or
 * loads the sentence model) and must stay responsive. Pages only: rejects with `INVALID_CONFIG` where
 * there is no `Worker` (Node).
 * @example
 * const swarm = await createSwarmInWorker({ databaseName: 'my-app' });
 * const r = await swarm.query('which counters show MSM is working?');
 * await swarm.shutdown();   // also terminates the worker
 */
export declare function createSwarmInWorker(config?: SwarmConfig): Promise<WorkerSwarm>;

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
