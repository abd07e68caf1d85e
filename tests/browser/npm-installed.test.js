// The npm package as a user gets it: `npm install <tarball>` into an empty folder
// ($ELEX_NPM_APP_DIR, made by .ci/npm.sh), then a Node ES module, a CommonJS script and a plain
// HTML page in Chromium each import `elex-swarm` by its name and answer a question.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { start } from './harness.js';

const app = process.env.ELEX_NPM_APP_DIR;
const question = 'which counters show MSM is working?';
const expected = 'FAJ 121 3094';
const skip = app ? false : 'ELEX_NPM_APP_DIR is not set (.ci/npm.sh installs the package and sets it)';

// A script in the app folder, run by Node from there: `elex-swarm` resolves through node_modules.
async function runScript(name, source) {
  await writeFile(join(app, name), source);
  const { stdout } = await promisify(execFile)(process.execPath, [name], { cwd: app, timeout: 120_000 });
  return JSON.parse(stdout);
}

const ask = `
  const swarm = await createSwarm();
  const r = await swarm.query(${JSON.stringify(question)});
  await swarm.shutdown();
  process.stdout.write(JSON.stringify({ featureCode: r.featureCode, confidence: r.confidence }));
  // The runtime keeps a housekeeping timer alive, so the script ends itself.
  process.exit(0);`;

test('elex-swarm installed: the package holds its entry points and no install scripts', { skip }, async () => {
  const installed = join(app, 'node_modules', 'elex-swarm');
  const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.scripts, undefined, 'nothing runs at install time');
  assert.equal(manifest.dependencies, undefined, 'nothing else is downloaded');
  for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'worker.js', 'worker.d.ts', 'README.md', '_framework/dotnet.js', '_content/Elex.Browser/elex-worker.js']) {
    assert.ok(existsSync(join(installed, file)), `elex-swarm has ${file}`);
  }
});

test('elex-swarm installed: TypeScript finds its types through exports (the package and elex-swarm/worker)', { skip }, async () => {
  await writeFile(join(app, 'check.mts'), `import { createSwarm, ErrorCode, type Swarm, type QueryResponse } from 'elex-swarm';
import { createSwarmInWorker, type WorkerSwarm } from 'elex-swarm/worker';
export async function ask(inWorker: boolean): Promise<string | null> {
  const swarm: Swarm | WorkerSwarm = inWorker ? await createSwarmInWorker({ databaseName: 'typed' }) : await createSwarm({ worker: false });
  const r: QueryResponse = await swarm.query({ text: 'what is MSM?' });
  return r.confidence > 0 ? r.featureCode : ErrorCode.INTERNAL;
}
`);
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], types: [] }, files: ['check.mts'] }));
  const tsc = join(dirname(fileURLToPath(import.meta.url)), 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', app], { cwd: app, timeout: 120_000 });
});

test('elex-swarm installed: a Node ES module imports it and answers', { skip }, async () => {
  const r = await runScript('ask.mjs', `import { createSwarm } from 'elex-swarm';\n${ask}`);
  assert.equal(r.featureCode, expected);
});

test('elex-swarm installed: a CommonJS script requires it and answers', { skip }, async () => {
  // Node that can require() an ES module gets the API at once; older Node through load().
  const r = await runScript('ask.cjs', `'use strict';\n(async () => {\n  const elex = require('elex-swarm');\n  const { createSwarm } = elex.load ? await elex.load() : elex;\n${ask}\n})().catch((e) => { console.error(e.code, e.message); process.exit(1); });`);
  assert.equal(r.featureCode, expected);
});

test('elex-swarm installed: a plain HTML page served from the app folder answers in the page and in a worker', { skip }, async () => {
  await writeFile(join(app, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8" /><title>elex-swarm installed</title>
<script type="importmap">{ "imports": { "elex-swarm": "./node_modules/elex-swarm/index.js", "elex-swarm/worker": "./node_modules/elex-swarm/worker.js" } }</script>
</head><body><p id="answer" data-state="asking">asking…</p>
<script type="module">
  import { createSwarm } from 'elex-swarm';
  import { createSwarmInWorker } from 'elex-swarm/worker';
  const answer = document.getElementById('answer');
  try {
    const inPage = await createSwarm({ databaseName: 'elex-npm-page' });
    const a = await inPage.query(${JSON.stringify(question)});
    await inPage.shutdown();
    const inWorker = await createSwarmInWorker({ databaseName: 'elex-npm-worker' });
    const b = await inWorker.query(${JSON.stringify(question)});
    await inWorker.shutdown();
    answer.textContent = a.featureCode + ' ' + b.featureCode;
    answer.dataset.state = 'answered';
  } catch (error) {
    answer.textContent = (error.code ?? '') + ' ' + error.message;
    answer.dataset.state = 'failed';
  }
</script></body></html>`);
  const session = await start({ root: app });
  try {
    await session.page.goto(session.url);
    await session.page.waitForSelector('#answer[data-state=answered], #answer[data-state=failed]', { timeout: 120_000 });
    assert.equal(await session.page.textContent('#answer'), `${expected} ${expected}`);
    assert.deepEqual(session.problems, []);
  } finally {
    await session.stop();
  }
});
