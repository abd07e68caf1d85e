// `elex-swarm/worker`: the swarm in a dedicated Web Worker, behind the same API as createSwarm.
export { createSwarmInWorker } from './_content/Elex.Browser/elex-worker-client.js';
export { ElexError, ErrorCode } from './_content/Elex.Browser/elex-errors.js';
