// The Elex swarm's JavaScript API: the .NET swarm (WebAssembly) running in this page or Node
// process, behind Promises, plain JSON objects and errors with a `code`. Types and examples: elex.d.ts.

import { ElexError, ErrorCode, call, settle, toElexError } from './elex-errors.js';
import { subscribable } from './elex-mailbox.js';
import { sessionFacade } from './elex-session.js';
import { answerStream } from './elex-stream.js';
import { createSwarmInWorker } from './elex-worker-client.js';

export { ElexError, ErrorCode, createSwarmInWorker };

const API_VERSION = '1.0.0';

/** Query types (the seed SDK's numbers). */
export const QueryType = Object.freeze({ Parameter: 0, Counter: 1, Kpi: 2, Procedure: 3, Troubleshoot: 4, General: 5 });

/** Query complexity (the seed SDK's numbers). */
export const Complexity = Object.freeze({ Simple: 0, Moderate: 1, Complex: 2 });

/** Swarm topologies, as the seed SDK spells them. */
export const Topology = Object.freeze({
  mesh: () => 'mesh',
  hierarchical: () => 'hierarchical',
  hierarchical_mesh: () => 'hierarchical_mesh',
});

const isNode = typeof process !== 'undefined' && process.versions?.node != null && typeof window === 'undefined';

// The exports of Elex.Browser.dll, from whichever runtime hosts this module.
async function startRuntime() {
  const blazor = globalThis.Blazor;
  let runtime;
  if (blazor) {
    // A Blazor page (the dashboard): its script is on the page with autostart="false".
    await blazor.start();
    runtime = await globalThis.getDotnetRuntime(0);
  } else {
    // A plain page or Node: the runtime published next to this module (../../_framework/dotnet.js).
    const url = new URL('../../_framework/dotnet.js', import.meta.url).href;
    let dotnet;
    try {
      ({ dotnet } = await import(url));
    } catch (error) {
      throw new ElexError(ErrorCode.NOT_LOADED, `the .NET runtime could not be loaded from ${url} (publish src/Elex.Wasm, or load blazor.webassembly.js on a Blazor page): ${error?.message ?? error}`, error);
    }
    runtime = await dotnet.create();
  }
  // The sentence model's loader and runner (JsModelAssetSource, JsModelRunner import them); elex-model.js
  // itself loads only when a model is asked for (loadModel, the dashboard's button).
  runtime.setModuleImports('elex-model', {
    prepare: async (...args) => (await modelModule()).moduleImports.prepare(...args),
    run: async (...args) => (await modelModule()).moduleImports.run(...args),
    takeOutput: () => loadedModelModule.moduleImports.takeOutput(),
  });
  const assembly = await runtime.getAssemblyExports('Elex.Browser.dll');
  return assembly.Elex.Browser.JsApi.ElexExports;
}

let loadedModelModule;
async function modelModule() {
  loadedModelModule ??= await import('./elex-model.js');
  return loadedModelModule;
}

/**
 * Starts the .NET runtime once: on a Blazor page through Blazor.start(), elsewhere (a plain page,
 * Node) from the runtime published next to this module. Resolves with the exports; safe to call
 * many times.
 */
export function boot() {
  globalThis.__elexBoot ??= startRuntime().catch((error) => {
    globalThis.__elexBoot = undefined;
    throw toElexError(error);
  });
  return globalThis.__elexBoot;
}

// The catalog of a config as UTF-8 JSON bytes and a name for messages, or [null, null] for the
// embedded sample. `catalog` is JSON text, a parsed object or bytes; `catalogUrl` is fetched (in
// Node a path or file: URL is read from disk).
async function catalogOf(config) {
  if (config.catalog != null) {
    const value = config.catalog;
    if (value instanceof Uint8Array) return [value, 'catalog'];
    if (value instanceof ArrayBuffer) return [new Uint8Array(value), 'catalog'];
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return [new TextEncoder().encode(text), 'catalog'];
  }
  if (config.catalogUrl != null) {
    const url = String(config.catalogUrl);
    try {
      if (isNode && !/^https?:/i.test(url)) {
        const { readFile } = await import('node:fs/promises');
        return [new Uint8Array(await readFile(url.startsWith('file:') ? new URL(url) : url)), url];
      }
      const response = await fetch(url);
      if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
      return [new Uint8Array(await response.arrayBuffer()), url];
    } catch (error) {
      throw new ElexError(ErrorCode.INVALID_CATALOG, `the catalog ${url} could not be read: ${error?.message ?? error}`, error);
    }
  }
  return [null, null];
}

function swarmFacade(api, handle) {
  let disposed = false;
  const ensureOpen = () => {
    if (disposed) throw new ElexError(ErrorCode.SWARM_DISPOSED, 'the swarm was shut down');
  };

  const facade = {
    /** Asks a question. */
    query(q) {
      return call(async () => {
        ensureOpen();
        const input = typeof q === 'string' ? { text: q } : q;
        if (input === null || typeof input !== 'object') throw new ElexError(ErrorCode.INVALID_QUERY, 'query needs { text } or a string');
        return settle(await api.Query(handle, JSON.stringify(input)));
      });
    },
    /** Asks a question when subscribed; its parts arrive as the swarm produces them (routed first, done last). */
    queryStream(q) {
      const input = typeof q === 'string' ? { text: q } : q;
      return answerStream((push) => {
        ensureOpen();
        if (input === null || typeof input !== 'object') throw new ElexError(ErrorCode.INVALID_QUERY, 'queryStream needs { text } or a string');
        const subscription = settle(api.QueryStream(handle, JSON.stringify(input), push));
        return () => api.Unsubscribe(handle, subscription);
      });
    },
    /** Starts a session (a conversation) in which follow-up questions are understood in context. */
    createSession() {
      return call(async () => {
        ensureOpen();
        return sessionFacade(api, handle, settle(api.CreateSession(handle)), ensureOpen);
      });
    },
    /** Feedback: ({ responseId | agentId, reward, success }), ({ responseId, correct }) or the seed's (agentId, reward, success). */
    feedback(target, reward, success) {
      return call(async () => {
        ensureOpen();
        const input = typeof target === 'object' && target !== null ? target : { agentId: target, reward, success };
        return settle(await api.Feedback(handle, JSON.stringify(input)));
      });
    },
    getAgentStats(agentIdOrCode) {
      return call(async () => { ensureOpen(); return settle(api.GetAgentStats(handle, agentIdOrCode ?? null)); });
    },
    getSwarmStats() {
      return call(async () => { ensureOpen(); return settle(api.GetSwarmStats(handle)); });
    },
    persist() {
      return call(async () => { ensureOpen(); settle(await api.Persist(handle)); });
    },
    sync() {
      return call(async () => { ensureOpen(); return settle(await api.Sync(handle)); });
    },
    /** Trusts `trustedKeys` and connects to `relayUrl` (what `config.sync` takes); resolves once connected. */
    startSync(options) {
      return call(async () => { ensureOpen(); settle(await api.StartSync(handle, JSON.stringify(options ?? null))); });
    },
    /** This swarm's public key (`ed25519-pub:…`), for peers' `trustedKeys`. */
    identity() {
      return call(async () => { ensureOpen(); return settle(api.Identity(handle)); });
    },
    /** Trusts a peer's key from now on; resolves true when it was not trusted before. */
    trust(key) {
      return call(async () => { ensureOpen(); return settle(api.Trust(handle, key == null ? null : String(key))); });
    },
    shutdown() {
      return call(async () => {
        if (disposed) return;
        disposed = true;
        settle(await api.Shutdown(handle));
      });
    },
    /**
     * Loads the sentence model from a model asset folder (`elex model export`): downloaded once with
     * progress, kept in the Cache Storage API apart from the app, run by ONNX Runtime Web. Until it
     * resolves, and if it rejects (MODEL_UNAVAILABLE), the swarm answers on exact and lexical evidence.
     */
    loadModel(options = {}) {
      return call(async () => {
        ensureOpen();
        const { url, onProgress } = typeof options === 'string' ? { url: options } : options ?? {};
        if (url == null || String(url).trim() === '') throw new ElexError(ErrorCode.INVALID_CONFIG, 'loadModel needs { url }: the folder `elex model export` wrote (manifest.json, model.onnx, …)');
        // The load itself (fetch and cache, attach, status, retry after a failure) is .NET's
        // SentenceModelLoader, the same one the dashboard's button drives.
        const progress = (step) => {
          try {
            onProgress?.(JSON.parse(step));
          } catch {
            // A progress callback that throws must not fail the load.
          }
        };
        return settle(await api.LoadModel(handle, String(url), progress));
      });
    },
    /** The sentence model's state: { state: 'none' | 'loading' | 'ready' | 'failed', modelId, error, … }. */
    modelStatus() {
      return call(async () => { ensureOpen(); return settle(api.ModelStatus(handle)); });
    },
    responses: subscribable((push) => {
      ensureOpen();
      const subscription = settle(api.SubscribeResponses(handle, push));
      return () => api.Unsubscribe(handle, subscription);
    }),
    telemetry: subscribable((push) => {
      ensureOpen();
      const subscription = settle(api.SubscribeTelemetry(handle, push));
      return () => api.Unsubscribe(handle, subscription);
    }),
    diagnostics: {
      routeLatency(queries = 1000) {
        return call(async () => { ensureOpen(); return settle(api.BenchmarkRoute(handle, queries)); });
      },
      persistAll() {
        return call(async () => { ensureOpen(); return settle(await api.BenchmarkPersistAll(handle)); });
      },
    },
  };
  return Object.freeze(facade);
}

/**
 * Creates and starts a swarm over the embedded sample catalog, or the catalog given by
 * `config.catalog` / `config.catalogUrl`. IndexedDB is used by default wherever it exists.
 */
export async function createSwarm(config = {}) {
  return call(async () => {
    if (config !== null && typeof config !== 'object') throw new ElexError(ErrorCode.INVALID_CONFIG, 'the config must be an object');
    if (config?.worker) return createSwarmInWorker(config);
    const { catalog, catalogUrl, worker: _inThread, ...options } = config ?? {};
    const [catalogBytes, catalogSource] = await catalogOf({ catalog, catalogUrl });
    options.enableIndexedDB ??= typeof indexedDB !== 'undefined';
    const api = await boot();
    const handle = settle(await api.CreateSwarm(JSON.stringify(options), catalogBytes, catalogSource));
    return swarmFacade(api, handle);
  });
}

/** The seed SDK's entry point: `await new ElexSwarm(config)` or `await ElexSwarm.create(config)`. */
export class ElexSwarm {
  constructor(config = {}) {
    return createSwarm(config);
  }

  static create(config = {}) {
    return createSwarm(config);
  }
}

/** API version of this module. */
export function version() {
  return API_VERSION;
}

/** What this build is. */
export function buildInfo() {
  return {
    version: API_VERSION,
    runtime: '.NET WebAssembly',
    host: isNode ? 'node' : globalThis.Blazor ? 'blazor' : 'browser',
    catalog: 'embedded sample (or config.catalog / config.catalogUrl)',
    storage: typeof indexedDB !== 'undefined' ? 'IndexedDB' : 'memory',
  };
}

/** Whether the browser validates WebAssembly SIMD (the .NET runtime uses it when present). */
export function isSimdAvailable() {
  // The smallest module using a v128 instruction.
  const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  return WebAssembly.validate(bytes);
}

/** Features of this build. */
export function getSupportedFeatures() {
  return ['query', 'query-stream', 'sessions', 'feedback', 'streams', 'telemetry', 'indexeddb', 'safety-verdicts', 'error-codes', 'sync', 'model-on-demand', ...(typeof Worker !== 'undefined' ? ['worker'] : []), ...(isSimdAvailable() ? ['simd'] : [])];
}
