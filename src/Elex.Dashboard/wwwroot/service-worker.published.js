// The offline-first dashboard: on install every published asset the app needs (the runtime, the
// assemblies, which embed the sample catalog, the page, its scripts and styles) is cached from
// service-worker-assets.js, checked against its hash; afterwards the app starts from that cache
// with or without a network. A catalog the page fetches (?catalog=URL, a .json file of this origin)
// goes to the network first and falls back to the copy kept the last time it was fetched. Anything
// else (the sentence model keeps its own cache) is left to the browser.
self.importScripts('./service-worker-assets.js');

const manifest = self.assetsManifest;
const appCache = `elex-app-${manifest.version}`;
const fetchedCache = 'elex-fetched';
// Precompressed twins and the service worker's own files are not what the page asks for.
const offlineAssets = manifest.assets.filter(({ url }) => !/\.(br|gz)$/.test(url) && !/^service-worker/.test(url));
const assetUrls = new Set(offlineAssets.map(({ url }) => new URL(url, self.location.href).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(appCache);
    // cache: 'no-cache' so an HTTP cache holding an older build cannot fail the integrity check.
    await cache.addAll(offlineAssets.map(({ url, hash }) => new Request(url, { integrity: hash, cache: 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith('elex-app-') && name !== appCache).map((name) => caches.delete(name)));
    // The page that registered this worker is served by it from now on, not only after a reload.
    await self.clients.claim();
  })());
});

async function fromNetworkKeepingACopy(request) {
  const cache = await caches.open(fetchedCache);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw offline;
  }
}

async function fromAppCache(key, request) {
  return (await (await caches.open(appCache)).match(key)) ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Every page of the app is index.html (client-side routing); its query string is the app's.
  const key = request.mode === 'navigate' ? new URL('index.html', self.registration.scope).href : url.origin + url.pathname;
  if (assetUrls.has(key)) event.respondWith(fromAppCache(key, request));
  else if (url.pathname.endsWith('.json')) event.respondWith(fromNetworkKeepingACopy(request));
});
