// The team server as an operator deploys it: `dotnet publish samples/Elex.Server` run as its own process
// (Production, an API key from the environment, a SQLite store in a temporary folder), its dashboard opened in
// Chromium at / without credentials, then used with the key to ask the server's swarm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './published.js';
import { startDotnetServer } from './dotnet-server.js';

const serverDir = process.env.ELEX_SERVER_DIR ?? join(repoRoot, 'artifacts', 'server');
const serverDll = join(serverDir, 'Elex.Server.dll');
const skip = existsSync(serverDll) ? false : `no published server in ${serverDir}: run dotnet publish samples/Elex.Server -c Release -o artifacts/server (or set ELEX_SERVER_DIR)`;
const apiKey = 'browser-test-key-0123456789abcdef';

let server;
let dataDir;
let browser;

// Starts the published server on a free loopback port, in Production with a test key and a store in a temporary folder.
async function startServer() {
  dataDir = await mkdtemp(join(tmpdir(), 'elex-server-'));
  return startDotnetServer('the server', serverDll, {
    cwd: dataDir,
    timeoutMs: 120_000,
    env: {
      ASPNETCORE_ENVIRONMENT: 'Production',
      Elex__StorePath: join(dataDir, 'elex.db'),
      Server__Auth__ApiKeys__0__Key: apiKey,
      Server__Auth__ApiKeys__0__User: 'browser-test',
      Server__Auth__ApiKeys__0__Roles__0: 'trainer',
      Server__Auth__ApiKeys__0__Roles__1: 'operator',
    },
  });
}

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('the published server serves its dashboard at / to anyone, and nothing else without a key', { skip }, async () => {
  const page = await fetch(`${server.url}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  const html = await page.text();
  assert.match(html, /<div id="dashboard">/);
  assert.doesNotMatch(html, /#\[\.\{fingerprint\}\]/, 'no unreplaced asset placeholder in the published page');

  for (const path of ['/stats', '/ask', '/no-such-route']) {
    const response = await fetch(`${server.url}${path}`);
    assert.equal(response.status, 401, `${path} without a key`);
  }
});

test('the published dashboard boots from the server, takes a key, asks the server\'s swarm and teaches it', { skip }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(`${server.url}/`);
  await page.waitForSelector('#mode', { timeout: 120_000 });
  assert.equal((await page.textContent('#mode'))?.trim(), 'on the team server');

  await page.fill('#api-key', apiKey);
  await page.click('#key-button');
  await page.fill('#server-ask-input', 'which counters show MSM is working?');
  await page.click('#server-ask-button');
  await page.waitForSelector('#answer', { timeout: 60_000 });
  const answer = await page.textContent('#answer');
  assert.match(answer ?? '', /MIMO Sleep Mode/);
  // A rating teaches the server's swarm, recorded against the key's user and stored (the server has a store).
  await page.click('#server-feedback-up');
  await page.waitForFunction(() => document.querySelector('#server-feedback-status')?.textContent?.startsWith('Learned'), null, { timeout: 30_000 });
  assert.equal(await page.textContent('#server-feedback-status'), 'Learned and saved — rated by browser-test');
  await page.waitForSelector('#stats-agents', { timeout: 30_000 });
  assert.match((await page.textContent('#stats-agents')) ?? '', /^593 /, 'the server\'s swarm holds the full catalog');

  assert.deepEqual(failures, [], 'every file and call the page made answered');
  await context.close();
});
