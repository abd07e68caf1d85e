// samples/js-subscriber (plain HTML/JS) over the published WebAssembly package in Chromium:
// responses arrive through the subscription, in the order asked; feedback is saved to IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, repoRoot } from './harness.js';
import { packageRoot } from './node-harness.js';

let session;

before(async () => {
  session = await start({ root: join(repoRoot, 'samples', 'js-subscriber'), mounts: { '/elex/': packageRoot() } });
  await session.page.goto(session.url);
  await session.page.waitForSelector('#status[data-state=ready], #status[data-state=failed]', { timeout: 60_000 });
  assert.equal(await session.page.getAttribute('#status', 'data-state'), 'ready', await session.page.textContent('#status'));
});

after(async () => {
  await session?.stop();
});

const rendered = () => session.page.$$eval('#responses > li', (items) => items.map((li) => ({ query: li.querySelector('.query').textContent, feature: li.dataset.feature })));

test('questions sent back to back are rendered by the subscription in the order asked', async () => {
  await session.page.click('#demo');
  await session.page.waitForFunction(() => document.querySelectorAll('#responses > li').length === 3, null, { timeout: 30_000 });
  const items = await rendered();
  assert.deepEqual(items.map((i) => i.query), ['“which counters show MSM is working?”', '“how do I activate TTI bundling?”', '“what does inter-frequency load balancing need?”']);
  assert.equal(items[0].feature, 'FAJ 121 3094');
  await session.page.waitForFunction(() => /over [1-9]\d* queries/.test(document.querySelector('#telemetry').textContent), null, { timeout: 10_000 });
  await session.page.waitForFunction(() => /delivered 3, dropped 0/.test(document.querySelector('#delivery').textContent), null, { timeout: 10_000 });
});

test('a typed question is answered by the right agent; 👍 is learned and saved', async () => {
  await session.page.fill('#question', 'how do I activate MSM?');
  await session.page.click('#ask-button');
  await session.page.waitForFunction(() => document.querySelectorAll('#responses > li').length === 4, null, { timeout: 30_000 });
  const last = session.page.locator('#responses > li').last();
  assert.equal(await last.getAttribute('data-feature'), 'FAJ 121 3094');
  await last.locator('button.helpful').click();
  await last.locator('button.helpful', { hasText: 'learned and saved' }).waitFor({ timeout: 30_000 });
});

test('no page or console errors', () => {
  assert.deepEqual(session.problems, []);
});
