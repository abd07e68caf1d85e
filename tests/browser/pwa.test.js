// The dashboard as an offline-first PWA: it declares a web app manifest, its service worker caches
// the published app (runtime, assemblies with the embedded catalog, page, scripts) on the first
// visit, and with the network gone a reload still starts the swarm and answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openDashboard } from './harness.js';
import { report } from './report.js';

let session;

before(async () => {
  session = await start();
});

after(async () => {
  await session?.context.setOffline(false);
  await session?.stop();
});

async function ask(page, question) {
  await page.fill('#ask-input', question);
  await page.click('#ask-button');
  await page.waitForSelector('#agent');
  return (await page.textContent('#agent')).trim();
}

test('the dashboard is installable: a web app manifest with a name, a start URL, standalone display and icons', async () => {
  const { page, url } = session;
  await openDashboard(page, url);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel=manifest]');
    const response = await fetch(link.href);
    return { type: response.headers.get('content-type'), body: await response.json() };
  });
  assert.match(manifest.type, /manifest\+json/);
  assert.equal(manifest.body.name, 'Elex swarm');
  assert.equal(manifest.body.display, 'standalone');
  assert.ok(manifest.body.start_url);
  const sizes = manifest.body.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join(', '));
  for (const icon of manifest.body.icons) {
    const status = await page.evaluate(async (src) => (await fetch(src)).status, new URL(icon.src, url).href);
    assert.equal(status, 200, `${icon.src} is served`);
  }
});

test('offline: after one visit, a reload with no network starts the swarm from the cache and answers', async () => {
  const { page, url, context, problems } = session;
  await openDashboard(page, url);
  const cached = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    const names = await caches.keys();
    const app = names.find((n) => n.startsWith('elex-app-'));
    const keys = app ? (await (await caches.open(app)).keys()).map((r) => new URL(r.url).pathname) : [];
    return { scope: registration.scope, names, files: keys.length, wasm: keys.filter((k) => k.endsWith('.wasm')).length, hasIndex: keys.includes('/index.html') };
  });
  report('pwa-cache', { files: cached.files, wasm: cached.wasm });
  assert.ok(cached.hasIndex, 'the page is cached');
  assert.ok(cached.wasm > 10, `the runtime and the assemblies are cached (${cached.wasm} .wasm files)`);

  await context.setOffline(true);
  const networkGone = await page.evaluate(async () => {
    try {
      await fetch(`/offline-probe-${Date.now()}.txt`, { cache: 'no-store' });
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(networkGone, true, 'the network is really gone');
  const problemsBefore = problems.length;   // the probe's own failure is logged as a console error
  const failed = [];
  let healthProbes = 0;
  // Requests the reload cancels fail as ERR_ABORTED; only a request that needed the network matters.
  // The dashboard asks /health whether a team server served it; offline that probe fails by design and
  // the page runs its own swarm, so it is counted, not held against the app.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (new URL(request.url()).pathname === '/health') healthProbes++;
    else failed.push(`${request.url()} ${request.failure()?.errorText}`);
  });
  const fromWorker = [];
  page.on('response', (response) => {
    if (response.fromServiceWorker()) fromWorker.push(new URL(response.url()).pathname);
  });

  const started = Date.now();
  await page.reload();
  await openDashboard(page, url);
  report('pwa-offline-start', { ms: Date.now() - started, fromServiceWorker: fromWorker.length });
  assert.equal(await ask(page, 'which counters show MSM is working?'), 'FAJ 121 3094');
  assert.match(await page.textContent('#answer-text'), /\S/);
  assert.deepEqual(failed, [], 'nothing the app needs went to the network');
  assert.ok(fromWorker.includes('/index.html') || fromWorker.includes('/'), 'the page came from the service worker');
  assert.ok(fromWorker.some((p) => /\/_framework\/dotnet\.native\.(.+\.)?wasm$/.test(p)), `the runtime came from the service worker (${fromWorker.length} responses)`);
  // Each failed probe is also reported by the browser as a console error without its URL; no other may appear.
  const offlineProbeErrors = problems.slice(problemsBefore).filter((p) => p.includes('net::ERR_INTERNET_DISCONNECTED'));
  assert.ok(offlineProbeErrors.length <= healthProbes, `console errors for the network beyond the ${healthProbes} /health probe(s): ${offlineProbeErrors.join('; ')}`);
  assert.deepEqual(problems.slice(problemsBefore).filter((p) => !p.includes('net::ERR_INTERNET_DISCONNECTED')), []);
});
