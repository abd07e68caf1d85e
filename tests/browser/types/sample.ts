// Compiled with tsc --noEmit only: proves elex.d.ts describes a realistic use of the API.
import { createSwarm, createSwarmInWorker, ElexSwarm, ElexError, QueryType, Complexity, Topology, ErrorCode, version, buildInfo, getSupportedFeatures } from 'elex';
import type { WorkerSwarm, AnswerPart, AnswerSubscription, QueryResponse, LatencyWindow, Unsubscribe, Swarm, SyncOptions, SyncStatus, Session, ContextFeature, ModelProgress, ModelLoadResult, ModelStatus } from 'elex';

async function main(): Promise<void> {
  const swarm: Swarm = await createSwarm({ topology: Topology.hierarchical_mesh(), maxAgents: 50, databaseName: 'demo' });
  const seed: Swarm = await new ElexSwarm({ enableIndexedDB: false });
  const full: Swarm = await createSwarm({ catalogUrl: '/elex-catalog.json', databaseName: 'full' });
  const inline: Swarm = await createSwarm({ catalog: { schema: 'elex-catalog', features: [] }, enableIndexedDB: false });
  console.log(buildInfo().host, buildInfo().storage);
  const answer: QueryResponse = await swarm.query({ text: 'which counters show MSM is working?', type: QueryType.Counter, complexity: Complexity.Simple });
  const named = await seed.query({ text: 'how do I activate MSM?', queryType: 'Procedure' });
  const short = await swarm.query('what is MSM?');
  const streamed: AnswerSubscription = swarm.queryStream({ text: 'set sleepMode to 2 for MSM' }).subscribe({
    next: (part: AnswerPart) => {
      if (part.kind === 'routed') console.log(part.featureCode, part.confidence, part.abstained, part.candidates.map((c) => c.why));
      else if (part.kind === 'section') console.log(part.title, part.lines.join('\n'));
      else if (part.kind === 'verdict') console.log(part.command.command, part.command.safety);
      else console.log(part.response.responseId);
    },
    error: (e) => console.log(e.code, e.part?.stage),
    complete: () => console.log('done'),
  });
  streamed.unsubscribe();
  const chat: Session = await swarm.createSession();
  await chat.query('which counters show MSM is saving energy?');
  const followUp: QueryResponse = await chat.query({ text: 'and how do I activate it?' });
  const resolved: boolean = followUp.resolvedFromContext;
  const inContext: ContextFeature[] = await chat.context();
  console.log(chat.id, resolved, followUp.contextFeatures.length, followUp.namedFeatures.length, inContext.map((f) => f.name));
  await chat.reset();
  await chat.close();
  for (const command of answer.commands) {
    if (command.safety === 'Rejected') console.log(command.safetyReason);
  }
  const applied = await swarm.feedback({ responseId: answer.responseId, reward: 1, success: true });
  const durable: boolean = applied.durable;
  await swarm.feedback('FAJ 121 3094', -0.5, false);
  await swarm.feedback({ responseId: answer.responseId, correct: 'FAJ 121 3009' });
  const unsure: boolean = answer.status === 'Unsure';
  const stats = await swarm.getAgentStats(answer.featureCode ?? 'FAJ 121 3094');
  const epsilon: number = stats.epsilon;
  const { latency, persistence, sync } = await swarm.getSwarmStats();
  const stop: Unsubscribe = swarm.responses.subscribe(async (r) => { console.log(r.featureCode, r.confidence); }, { capacity: 64 });
  const stopTelemetry = swarm.telemetry.subscribe({ next: (w: LatencyWindow) => console.log(w.p50Ms, w.p95Ms, w.throughput) });
  console.log(stop.stats().dropped, named.queryTypeName, short.riskLevel, durable, epsilon, latency.p95Ms, persistence.writes, sync.identity);
  stop();
  stopTelemetry();
  try {
    await swarm.sync();
  } catch (e) {
    if (e instanceof ElexError && (e.code === ErrorCode.SYNC_NOT_STARTED || e.code === ErrorCode.INVALID_CATALOG)) console.log(e.message);
  }
  const relayUrl = 'ws://127.0.0.1:5080/sync';
  const peer: Swarm = await createSwarm({ databaseName: 'peer', autoSync: true, syncIntervalMs: 5000, sync: { relayUrl, trustedKeys: [await swarm.identity()], connectTimeoutMs: 3000 } });
  const options: SyncOptions = { relayUrl, trustedKeys: [await peer.identity()] };
  await swarm.startSync(options);
  const newlyTrusted: boolean = await peer.trust(await swarm.identity());
  try {
    const published: number = await swarm.sync();
    console.log(published, newlyTrusted);
  } catch (e) {
    if (e instanceof ElexError && e.code === ErrorCode.SYNC_UNAVAILABLE) console.log('relay down:', e.message);
  }
  const peerSync: SyncStatus = (await peer.getSwarmStats()).sync;
  console.log(peerSync.connected, peerSync.accepted, peerSync.rejectedByReason.UntrustedKey, peerSync.relayUrl, peerSync.lastSentAt, peerSync.trustedKeys.length);
  await peer.shutdown();
  const progress: ModelProgress[] = [];
  try {
    const model: ModelLoadResult = await swarm.loadModel({ url: '/elex-model/', onProgress: (p) => progress.push(p) });
    console.log(model.modelId, model.fromCache, model.bytes, model.loadMs, progress.at(-1)?.phase);
  } catch (e) {
    if (e instanceof ElexError && e.code === ErrorCode.MODEL_UNAVAILABLE) console.log('lexical only:', e.message);
  }
  const modelState: ModelStatus = await swarm.modelStatus();
  console.log(modelState.state, modelState.error);
  const route = await swarm.diagnostics.routeLatency(1000);
  console.log(route.p95Us, version(), getSupportedFeatures().includes('indexeddb'));
  await swarm.persist();
  await swarm.shutdown();
  await seed.shutdown();
  await full.shutdown();
  await inline.shutdown();

  // The same API in a dedicated Web Worker.
  const offThread: WorkerSwarm = await createSwarmInWorker({ databaseName: 'demo-worker' });
  const alsoOffThread: Swarm = await createSwarm({ worker: true, enableIndexedDB: false });
  const stopWorker: Unsubscribe = offThread.responses.subscribe((r) => console.log(r.featureCode));
  console.log((await offThread.query('what is MSM?')).confidence, offThread.worker instanceof Worker);
  stopWorker();
  await offThread.shutdown();
  await alsoOffThread.shutdown();
}

void main();
