// The swarm inside a dedicated Web Worker (module worker): started by createSwarmInWorker
// (elex-worker-client.js), which posts { id, op, … } and gets { id, value } or { id, error } back.
// Items of subscriptions (responses, telemetry, queryStream parts) and loadModel progress are
// posted as { sub, value } in the order the swarm produced them. One worker hosts one swarm.
import { createSwarm } from './elex.js';

let swarm = null;
const subscriptions = new Map();   // sub -> unsubscribe function
const sessions = new Map();        // session id -> session facade

const post = (message) => self.postMessage(message);
const failure = (error) => ({ code: error?.code ?? 'INTERNAL', message: String(error?.message ?? error) });

// Methods of the swarm the page may call, with arguments that are plain (structured-cloneable) data.
const SWARM_METHODS = new Set(['query', 'feedback', 'getAgentStats', 'getSwarmStats', 'persist', 'sync', 'startSync', 'identity', 'trust', 'modelStatus']);
const SESSION_METHODS = new Set(['query', 'context', 'reset', 'close']);

async function run({ op, args = [], sub, method, session }) {
  if (op === 'create') {
    swarm = await createSwarm(args[0] ?? {});
    return true;
  }
  if (swarm === null) throw Object.assign(new Error('the worker has no swarm'), { code: 'NOT_LOADED' });
  switch (op) {
    case 'call':
      if (!SWARM_METHODS.has(method)) throw Object.assign(new Error(`unknown method ${method}`), { code: 'INTERNAL' });
      return swarm[method](...args);
    case 'diagnostics':
      if (method !== 'routeLatency' && method !== 'persistAll') throw Object.assign(new Error(`unknown diagnostic ${method}`), { code: 'INTERNAL' });
      return swarm.diagnostics[method](...args);
    case 'loadModel':
      // onProgress stays in the page: each step is posted under `sub`.
      return swarm.loadModel({ ...args[0], onProgress: (step) => post({ sub, value: step }) });
    case 'subscribe': {
      // The page keeps the subscriber's bounded mailbox; here every item is handed on at once.
      const stream = args[0] === 'telemetry' ? swarm.telemetry : swarm.responses;
      subscriptions.set(sub, stream.subscribe((item) => post({ sub, value: item }), { capacity: 1 << 20 }));
      return true;
    }
    case 'queryStream': {
      const stop = swarm.queryStream(args[0]).subscribe({
        next: (part) => post({ sub, value: part }),
        error: (error) => post({ sub, value: error.part ?? { kind: 'error', stage: 'start', error: failure(error), response: null } }),
        complete: () => subscriptions.delete(sub),
      });
      subscriptions.set(sub, stop);
      return true;
    }
    case 'unsubscribe':
      subscriptions.get(sub)?.();
      subscriptions.delete(sub);
      return true;
    case 'createSession': {
      const s = await swarm.createSession();
      sessions.set(s.id, s);
      return s.id;
    }
    case 'session': {
      const s = sessions.get(session);
      if (!s || !SESSION_METHODS.has(method)) throw Object.assign(new Error(`session ${session} is not open`), { code: 'SESSION_CLOSED' });
      const value = await s[method](...args);
      if (method === 'close') sessions.delete(session);
      return value;
    }
    case 'shutdown':
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
      await swarm.shutdown();
      return true;
    default:
      throw Object.assign(new Error(`unknown operation ${op}`), { code: 'INTERNAL' });
  }
}

// A listener, never `self.onmessage`: dotnet.js takes a worker whose onmessage is set for one of its
// own runtime threads and waits for a message that never comes.
self.addEventListener('message', async (event) => {
  const message = event.data;
  try {
    const value = await run(message);
    if (message.id != null) post({ id: message.id, value });
  } catch (error) {
    if (message.id != null) post({ id: message.id, error: failure(error) });
    else self.reportError?.(error);
  }
});
