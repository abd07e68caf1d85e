// Node with an IndexedDB (fake-indexeddb): the same store code as in the browser persists the
// learning, and a new swarm over the same database restores it.
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importPackage } from './node-harness.js';

const elex = await importPackage();

test('learning is durable in IndexedDB and restored by the next swarm', async () => {
  const first = await elex.createSwarm({ databaseName: 'node-restore' });
  assert.equal(elex.buildInfo().storage, 'IndexedDB');
  const response = await first.query('which counters show MSM is working?');
  const result = await first.feedback({ responseId: response.responseId, reward: 1, success: true });
  assert.equal(result.durable, true);
  const learned = await first.getAgentStats('FAJ 121 3094');
  await first.shutdown();

  const second = await elex.createSwarm({ databaseName: 'node-restore' });
  const restored = await second.getAgentStats('FAJ 121 3094');
  await second.shutdown();
  assert.equal(restored.qTableEntries, learned.qTableEntries);
  assert.equal(restored.queryCount, learned.queryCount);
  assert.equal(restored.epsilon, learned.epsilon);
});

test('a batch of every agent is one transaction and reads back whole', async () => {
  const swarm = await elex.createSwarm({ databaseName: 'node-batch' });
  const result = await swarm.diagnostics.persistAll();
  await swarm.shutdown();
  assert.equal(result.agentStateRecords, result.agents);
  assert.equal(result.qTableRecords, result.agents);
  assert.equal(result.trajectoryRecords > 0, true);
});
