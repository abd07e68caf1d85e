/** What the Elex JS API reports: agent and swarm stats, latency, persistence, sync, subscriptions, benchmarks, the sentence model (re-exported by elex.d.ts). */
import type { TopologyName } from './elex-config.js';

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
  /** The first write (paying one-time set-up). */
  coldWriteMs: number;
  /** A later write after every agent answered and learned again. */
  writeMs: number;
  qTableRecords: number;
  trajectoryRecords: number;
  agentStateRecords: number;
  /** Where the cold write's time went (null when the store is not IndexedDB). */
  coldSplit: PersistSplit | null;
  /** Where the later write's time went (null when the store is not IndexedDB). */
  split: PersistSplit | null;
}

/** One batch write taken apart, in ms. */
export interface PersistSplit {
  /** Reading every learner and encoding its records in .NET. */
  snapshotMs: number;
  /** Building the one buffer that crosses into JavaScript. */
  packMs: number;
  /** The crossing into JavaScript and back (handing the buffer in, resuming .NET, a garbage collection that often runs then). */
  interopMs: number;
  /** Reading the buffer in JavaScript. */
  unpackMs: number;
  /** Merging the batch's rows into the chunks it touches and putting them back. */
  putMs: number;
  /** From the last put to the transaction's commit. */
  commitMs: number;
  /** The size of the buffer that crossed. */
  bytes: number;
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
