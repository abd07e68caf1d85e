import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { start, openDashboard, repoRoot } from './harness.js';
import { report } from './report.js';

const question = 'which counters show MSM is working?';
const msmRow = '#agent-row-agent-FAJ_121_3094';
let session;

before(async () => {
  session = await start();
});

after(async () => {
  await session?.stop();
});

test('the dashboard answers, learns from feedback, persists to IndexedDB and restores after a reload', async () => {
  const { page, url, problems } = session;
  await openDashboard(page, url);

  // What the first load fetched from _framework, as the browser counted it (encoded = Brotli bytes).
  const download = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/_framework/'))
    .reduce((sum, e) => ({ files: sum.files + 1, bytes: sum.bytes + e.encodedBodySize, decoded: sum.decoded + e.decodedBodySize }), { files: 0, bytes: 0, decoded: 0 }));
  report('download', download);
  assert.ok(download.files > 10 && download.bytes > 0, 'the _framework files were fetched');
  assert.ok(download.bytes < download.decoded / 2, 'the files came Brotli-compressed');

  await page.fill('#ask-input', question);
  await page.click('#ask-button');
  await page.waitForSelector('#agent');
  assert.equal((await page.textContent('#agent')).trim(), 'FAJ 121 3094');
  assert.match(await page.textContent('#answer-text'), /\S/);
  assert.ok(await page.locator('#evidence li').count() > 0, 'evidence is shown');
  for (const verdict of await page.locator('#commands li').evaluateAll((items) => items.map((i) => i.dataset.safety))) {
    assert.ok(['Safe', 'NeedsApproval', 'Rejected'].includes(verdict), `a command has a verdict (${verdict})`);
  }

  await page.click('#feedback-up');
  await page.waitForFunction(() => document.querySelector('#feedback-status')?.textContent === 'Learned and saved');
  await page.waitForFunction(() => Number(document.querySelector('#persistence')?.dataset.writes) > 0);
  assert.notEqual((await page.textContent('#persist-last')).trim(), 'never');
  await page.waitForFunction((row) => Number(document.querySelector(row)?.dataset.qEntries) > 0, msmRow);
  const learned = await page.locator(msmRow).evaluate((row) => ({ interactions: Number(row.dataset.interactions), qEntries: Number(row.dataset.qEntries), epsilon: row.querySelector('.epsilon').textContent }));
  assert.ok(learned.interactions >= 1);

  await mkdir(join(repoRoot, 'docs'), { recursive: true });
  await page.screenshot({ path: join(repoRoot, 'docs', 'dashboard.png'), fullPage: true });

  await page.reload();
  await openDashboard(page, url);
  await page.waitForSelector(msmRow);
  const restored = await page.locator(msmRow).evaluate((row) => ({ interactions: Number(row.dataset.interactions), qEntries: Number(row.dataset.qEntries), epsilon: row.querySelector('.epsilon').textContent }));
  assert.deepEqual(restored, learned, 'the learned state came back from IndexedDB');

  assert.deepEqual(problems, []);
});
