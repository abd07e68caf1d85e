// `elex-swarm/worker`: the swarm in a dedicated Web Worker, behind the same API as createSwarm.
export { createSwarmInWorker, ElexError, ErrorCode } from './_content/Elex.Browser/elex.js';
export type { WorkerSwarm, Swarm, SwarmConfig } from './_content/Elex.Browser/elex.js';
