// The dashboard's "Load sentence model" control in Chromium: the published dashboard with the model
// asset served beside it (/model/, the dashboard's default). A bad URL shows why and the dashboard
// keeps answering; loading again from the right folder shows progress to 100 % and "ready", and the
// dashboard's own swarm then routes a paraphrase the lexical router gets wrong.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, openDashboard } from './harness.js';
import { modelDir } from './model-asset.js';

// Written for this test (in no question set): it names none of Shared LTE RAN's words, and the
// sample catalog's lexical router sends it elsewhere.
const paraphrase = {
  text: 'two carriers split the cost of one set of towers but want their subscribers to see different network names',
  expect: 'FAJ 121 0860',
};
const msmQuestion = 'which counters show MSM is working?';
let session;

before(async () => {
  session = await start({ mounts: { '/model/': modelDir() } });
});

after(async () => {
  await session?.stop();
});

// Asks through the ask box and resolves with the agent of the new answer.
async function ask(page, text) {
  const previous = await page.evaluate(() => document.querySelector('#answer')?.dataset.responseId ?? null);
  await page.fill('#ask-input', text);
  await page.click('#ask-button');
  await page.waitForFunction((id) => {
    const answer = document.querySelector('#answer');
    return answer && answer.dataset.responseId !== id;
  }, previous);
  return (await page.textContent('#agent')).trim();
}

const modelFetches = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/model/')));

test('Chromium dashboard: a bad model URL shows the reason and the dashboard keeps answering without the model', async () => {
  const { page, url } = session;
  await openDashboard(page, url);
  assert.equal(await page.getAttribute('#model-status', 'data-state'), 'none');
  assert.match(await page.textContent('#model-status'), /^none/);
  assert.equal(await page.inputValue('#model-url'), 'model/', 'the default is the model/ folder beside the app');
  assert.deepEqual(await modelFetches(page), [], 'nothing of the model is fetched before the button');

  await page.fill('#model-url', '/no-model-here/');
  await page.click('#model-load');
  await page.waitForSelector('#model-status[data-state=failed]', { timeout: 60_000 });
  // The test server, like an SPA host, answers unknown paths with the app's index page.
  assert.match(await page.textContent('#model-status'), /^failed: .*no-model-here\/manifest\.json is not JSON \(the server answered with an HTML page/);
  assert.equal(await page.isEnabled('#model-load'), true, 'a failed load may be retried');

  assert.equal(await ask(page, msmQuestion), 'FAJ 121 3094', 'the dashboard answers on exact and lexical evidence');
});

test('Chromium dashboard: loading the model shows progress to 100 % and ready; the dashboard then routes a paraphrase the lexical router misses', async () => {
  const { page, url } = session;
  assert.notEqual(await ask(page, paraphrase.text), paraphrase.expect, 'without the model the paraphrase goes elsewhere');

  // Every percent the progress bar shows, as the page renders it.
  await page.evaluate(() => {
    window.modelPercents = [];
    new MutationObserver(() => window.modelPercents.push(Number(document.querySelector('#model-progress').dataset.percent)))
      .observe(document.querySelector('#model-progress'), { attributes: true, attributeFilter: ['data-percent'] });
  });
  await page.fill('#model-url', new URL('model/', url).href);
  await page.click('#model-load');
  await page.waitForSelector('#model-status[data-state=loading]');
  await page.waitForSelector('#model-status[data-state=ready], #model-status[data-state=failed]', { timeout: 180_000 });
  const manifest = JSON.parse(await readFile(join(modelDir(), 'manifest.json'), 'utf8'));
  assert.equal(await page.textContent('#model-status'), `ready: ${manifest.modelId}, 53 features`);

  const percents = await page.evaluate(() => window.modelPercents);
  assert.ok(percents.some((p) => p > 0 && p < 100), `the bar moves through the download (${percents.join(' ')})`);
  assert.ok(percents.every((p, i) => i === 0 || p >= percents[i - 1]), `the bar only grows (${percents.join(' ')})`);
  assert.equal(percents.at(-1), 100);
  assert.equal(await page.getAttribute('#model-progress', 'value'), '100');
  assert.equal(await page.isEnabled('#model-load'), false, 'a ready model is not loaded twice');
  assert.ok((await modelFetches(page)).includes('/model/model.onnx'));

  assert.equal(await ask(page, paraphrase.text), paraphrase.expect, 'with the model the paraphrase reaches Shared LTE RAN');
  assert.equal(await ask(page, msmQuestion), 'FAJ 121 3094', 'exact questions still reach their feature');
});

test('Chromium dashboard (model): no page or console errors', () => {
  assert.deepEqual(session.problems, []);
});
