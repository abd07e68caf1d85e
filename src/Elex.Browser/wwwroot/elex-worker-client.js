// createSwarmInWorker: the swarm in a dedicated Web Worker (elex-worker.js), behind the same API as
// createSwarm. Calls are posted to the worker (structured clones, no JSON text); answers, errors
// (ElexError with the same codes), subscription items and queryStream parts come back in the order
// the swarm produced them. The page's main thread only posts and receives messages, so a burst of
// questions never blocks it. Back-pressure is the swarm's own: a query waits for room in the
// swarm's bounded queue, in the worker, and its Promise resolves when it is answered.
import { ElexError, ErrorCode } from './elex-errors.js';
import { subscribable } from './elex-mailbox.js';
import { answerStream } from './elex-stream.js';

function workerError(error) {
  return new ElexError(error?.code ?? ErrorCode.INTERNAL, error?.message ?? 'the worker failed');
}

function connect(worker) {
  let nextId = 1;
  const pending = new Map();   // id -> { resolve, reject }
  const listeners = new Map(); // sub -> (value) => void
  let broken = null;

  const fail = (error) => {
    broken ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event) => {
    const m = event.data;
    if (m.sub != null) {
      listeners.get(m.sub)?.(m.value);
      return;
    }
    const waiting = pending.get(m.id);
    if (!waiting) return;
    pending.delete(m.id);
    if (m.error) waiting.reject(workerError(m.error));
    else waiting.resolve(m.value);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault?.();
    fail(new ElexError(ErrorCode.NOT_LOADED, `the swarm's worker failed: ${event.message ?? 'it could not be started'}`));
  });
  worker.addEventListener('messageerror', () => fail(new ElexError(ErrorCode.INTERNAL, 'a message from the worker could not be read')));

  return {
    request(message) {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...message, id });
      });
    },
    send(message) {
      if (!broken) worker.postMessage(message);
    },
    listen(sub, listener) {
      listeners.set(sub, listener);
    },
    forget(sub) {
      listeners.delete(sub);
    },
  };
}

function asQuery(q, what) {
  const input = typeof q === 'string' ? { text: q } : q;
  if (input === null || typeof input !== 'object') throw new ElexError(ErrorCode.INVALID_QUERY, `${what} needs { text } or a string`);
  return input;
}

function workerFacade(worker, channel) {
  let disposed = false;
  let nextSub = 1;
  const ensureOpen = () => {
    if (disposed) throw new ElexError(ErrorCode.SWARM_DISPOSED, 'the swarm was shut down');
  };
  const invoke = async (method, ...args) => {
    ensureOpen();
    return channel.request({ op: 'call', method, args });
  };
  // A subscription to one of the worker's streams: `push` gets each item; the returned function ends it.
  const open = (op, args, push) => {
    const sub = nextSub++;
    channel.listen(sub, push);
    channel.send({ op, args, sub });
    return () => {
      channel.forget(sub);
      channel.send({ op: 'unsubscribe', sub });
    };
  };

  function sessionFacade(id) {
    let closed = false;
    const ensureSession = () => {
      ensureOpen();
      if (closed) throw new ElexError(ErrorCode.SESSION_CLOSED, `session ${id} was closed`);
    };
    const call = async (method, ...args) => {
      ensureSession();
      return channel.request({ op: 'session', session: id, method, args });
    };
    return Object.freeze({
      id,
      query: async (q) => { ensureSession(); return call('query', asQuery(q, 'query')); },
      context: () => call('context'),
      reset: async () => { await call('reset'); },
      close: async () => {
        if (closed) return;
        ensureOpen();
        closed = true;
        await channel.request({ op: 'session', session: id, method: 'close', args: [] });
      },
    });
  }

  const stream = (name) => subscribable((push) => {
    ensureOpen();
    return open('subscribe', [name], push);
  });

  return Object.freeze({
    query: async (q) => invoke('query', asQuery(q, 'query')),
    queryStream(q) {
      return answerStream((push) => {
        ensureOpen();
        return open('queryStream', [asQuery(q, 'queryStream')], push);
      });
    },
    createSession: async () => {
      ensureOpen();
      return sessionFacade(await channel.request({ op: 'createSession' }));
    },
    feedback: async (target, reward, success) => invoke('feedback', typeof target === 'object' && target !== null ? target : { agentId: target, reward, success }),
    getAgentStats: (agentIdOrCode) => invoke('getAgentStats', agentIdOrCode ?? null),
    getSwarmStats: () => invoke('getSwarmStats'),
    persist: async () => { await invoke('persist'); },
    sync: () => invoke('sync'),
    startSync: async (options) => { await invoke('startSync', options ?? null); },
    identity: () => invoke('identity'),
    trust: (key) => invoke('trust', key == null ? null : String(key)),
    modelStatus: () => invoke('modelStatus'),
    async loadModel(options = {}) {
      ensureOpen();
      const { url, onProgress } = typeof options === 'string' ? { url: options } : options ?? {};
      if (url == null || String(url).trim() === '') throw new ElexError(ErrorCode.INVALID_CONFIG, 'loadModel needs { url }: the folder `elex model export` wrote (manifest.json, model.onnx, …)');
      // A relative URL means the page's, not the worker script's.
      const absolute = typeof location !== 'undefined' ? new URL(String(url), location.href).href : String(url);
      const sub = nextSub++;
      channel.listen(sub, (step) => {
        try {
          onProgress?.(step);
        } catch {
          // A progress callback that throws must not fail the load.
        }
      });
      try {
        return await channel.request({ op: 'loadModel', args: [{ url: absolute }], sub });
      } finally {
        channel.forget(sub);
      }
    },
    async shutdown() {
      if (disposed) return;
      disposed = true;
      try {
        await channel.request({ op: 'shutdown' });
      } finally {
        worker.terminate();
      }
    },
    responses: stream('responses'),
    telemetry: stream('telemetry'),
    diagnostics: Object.freeze({
      routeLatency: async (queries = 1000) => { ensureOpen(); return channel.request({ op: 'diagnostics', method: 'routeLatency', args: [queries] }); },
      persistAll: async () => { ensureOpen(); return channel.request({ op: 'diagnostics', method: 'persistAll', args: [] }); },
    }),
    /** The Worker the swarm runs in. */
    worker,
  });
}

/**
 * Creates a swarm in a new dedicated Web Worker (one runtime and one swarm per worker) with the
 * options of createSwarm; resolves with the same API. IndexedDB persistence happens in the worker.
 * `shutdown()` ends the swarm and terminates the worker.
 */
export async function createSwarmInWorker(config = {}) {
  if (config !== null && typeof config !== 'object') throw new ElexError(ErrorCode.INVALID_CONFIG, 'the config must be an object');
  if (typeof Worker === 'undefined') throw new ElexError(ErrorCode.INVALID_CONFIG, 'worker: this environment has no Web Worker (use createSwarm in Node)');
  const { worker: _ignored, ...options } = config ?? {};
  // A relative catalogUrl means the page's, not the worker script's.
  if (options.catalogUrl != null && typeof location !== 'undefined') options.catalogUrl = new URL(String(options.catalogUrl), location.href).href;
  const worker = new Worker(new URL('./elex-worker.js', import.meta.url), { type: 'module', name: 'elex-swarm' });
  const channel = connect(worker);
  try {
    await channel.request({ op: 'create', args: [options] });
  } catch (error) {
    worker.terminate();
    throw error instanceof ElexError ? error : workerError(error);
  }
  return workerFacade(worker, channel);
}
