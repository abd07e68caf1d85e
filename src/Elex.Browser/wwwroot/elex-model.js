// The sentence model on demand: the asset `elex model export` writes (manifest.json, model.onnx,
// vocab.txt, features.bin, ort/), fetched with progress and kept in the Cache Storage API (in a page)
// apart from the app, then run by ONNX Runtime Web (single-threaded WebAssembly) in a page or Node.
// .NET's SentenceModelLoader drives it (moduleImports.prepare) for the JS API's loadModel() and the
// dashboard's button alike; elex.js imports it only then, so the default download has none of it.

const CACHE_PREFIX = 'elex-model:';
const isNode = typeof process !== 'undefined' && process.versions?.node != null && typeof window === 'undefined';

class ModelLoadError extends Error {
  constructor(message, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = 'ModelLoadError';
  }
}

// The asset's folder as a URL (a trailing slash added); in Node a path is a file: URL.
async function baseUrlOf(url) {
  let text = String(url);
  if (isNode && !/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    const { pathToFileURL } = await import('node:url');
    text = pathToFileURL(text).href;
  }
  const base = new URL(text, globalThis.location?.href);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

async function openCache(modelId) {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(CACHE_PREFIX + modelId);
  } catch {
    return null; // an opaque origin or a browser without storage: download every time
  }
}

// One file's bytes: from the cache, else downloaded (reporting progress) and cached.
async function fileBytes(url, expected, cache, report) {
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    let bytes;
    try {
      bytes = new Uint8Array(await readFile(url));
    } catch (error) {
      throw new ModelLoadError(`${url.pathname} could not be read: ${error.message}`, error);
    }
    if (expected != null && bytes.length !== expected) {
      throw new ModelLoadError(`${url.pathname.split('/').pop()} has ${bytes.length} bytes, the manifest says ${expected}: the file is incomplete or not the one the manifest describes`);
    }
    report(bytes.length, false);
    return { bytes, fromCache: false };
  }
  const cached = cache ? await cache.match(url.href) : undefined;
  if (cached) {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    if (expected == null || bytes.length === expected) {
      report(bytes.length, true);
      return { bytes, fromCache: true };
    }
    await cache.delete(url.href); // a cut-short entry: fetch it again
  }
  let response;
  try {
    response = await fetch(url.href);
  } catch (error) {
    throw new ModelLoadError(`${url.href} could not be fetched: ${error.message}`, error);
  }
  if (!response.ok) throw new ModelLoadError(`${url.href} could not be fetched: HTTP ${response.status} ${response.statusText}`);
  // Count decoded bytes as they arrive: with Content-Encoding the header's length is the compressed one.
  const chunks = [];
  let received = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    report(received, false, true);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  if (expected != null && bytes.length !== expected) {
    throw new ModelLoadError(`${url.pathname.split('/').pop()} has ${bytes.length} bytes, the manifest says ${expected}: the file is incomplete or not the one the manifest describes`);
  }
  if (cache) {
    try {
      await cache.put(url.href, new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
    } catch {
      // Over quota: the model runs, it is only downloaded again next time.
    }
  }
  report(bytes.length, false);
  return { bytes, fromCache: false };
}

async function manifestOf(base, cache) {
  const url = new URL('manifest.json', base);
  let text;
  if (url.protocol === 'file:') {
    const { readFile } = await import('node:fs/promises');
    try {
      text = await readFile(url, 'utf8');
    } catch (error) {
      throw new ModelLoadError(`${url.pathname} could not be read: ${error.message}`, error);
    }
  } else {
    // The manifest is small: asked for every time, from the cache only when the network fails.
    try {
      const response = await fetch(url.href, { cache: 'no-cache' });
      if (!response.ok) throw new ModelLoadError(`${url.href} could not be fetched: HTTP ${response.status} ${response.statusText}`);
      text = await response.text();
    } catch (error) {
      const stored = cache ? await cache.match(url.href) : undefined;
      if (!stored) throw error instanceof ModelLoadError ? error : new ModelLoadError(`${url.href} could not be fetched: ${error.message}`, error);
      text = await stored.text();
    }
  }
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    // An app server that answers unknown paths with its index page (an SPA fallback) says so this way.
    const hint = /^\s*</.test(text) ? ' (the server answered with an HTML page: is the model asset deployed at that URL?)' : `: ${error.message}`;
    throw new ModelLoadError(`${url.href} is not JSON${hint}`, error);
  }
  if (manifest?.format !== 'elex-model/1' || !manifest.files?.model || !manifest.files?.vocab || !manifest.files?.vectors) {
    throw new ModelLoadError(`${url.href} is not an Elex model manifest (format elex-model/1 with files model, vocab, vectors)`);
  }
  return { manifest, text, url };
}

let runtimeModule;

// ONNX Runtime Web: the copy shipped in the asset (ort/), else the npm package the host has.
async function runtimeOf(base, manifest, cache, report) {
  if (runtimeModule) return runtimeModule;
  let ort;
  if (manifest.files.runtime) {
    const moduleUrl = new URL(manifest.files.runtime.path, base);
    const folder = new URL('.', moduleUrl);
    try {
      ort = await import(moduleUrl.href);
    } catch (error) {
      throw new ModelLoadError(`ONNX Runtime Web could not be loaded from ${moduleUrl.href}: ${error.message}`, error);
    }
    // The 15 MB WebAssembly binary goes through the same cache as the model.
    const binary = manifest.files.runtime.wasm;
    const wasm = await fileBytes(new URL(binary?.path ?? 'ort-wasm-simd-threaded.wasm', binary ? base : folder), binary?.bytes ?? null, cache, report);
    ort.env.wasm.wasmPaths = folder.href;
    ort.env.wasm.wasmBinary = wasm.bytes;
  } else {
    try {
      ort = await import('onnxruntime-web');
    } catch (error) {
      throw new ModelLoadError(`the model asset has no ort/ runtime and the onnxruntime-web package is not installed: ${error.message}`, error);
    }
  }
  ort.env.wasm.numThreads = 1; // single-threaded: no cross-origin isolation needed, one core left to the page
  runtimeModule = ort;
  return ort;
}

let activeSession;
let lastOutput = [];

// What .NET imports as the module 'elex-model' (JsModelRunner): one run per batch, then its [CLS] rows.
export const moduleImports = {
  async run(ids, mask, batch, length) {
    if (!activeSession) throw new Error('no model session is open');
    const { ort, session, dimensions, outputName, needsTypes } = activeSession;
    const shape = [batch, length];
    const feeds = {
      input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), shape),
      attention_mask: new ort.Tensor('int64', BigInt64Array.from(mask, BigInt), shape),
    };
    if (needsTypes) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(batch * length), shape);
    const output = (await session.run(feeds))[outputName];
    const hidden = output.data;
    const rows = new Array(batch * dimensions);
    for (let b = 0; b < batch; b++) {
      const start = b * length * dimensions; // the first ([CLS]) token of row b
      for (let d = 0; d < dimensions; d++) rows[b * dimensions + d] = hidden[start + d];
    }
    output.dispose?.();
    lastOutput = rows;
  },
  takeOutput() {
    const rows = lastOutput;
    lastOutput = [];
    return rows;
  },
  // .NET's SentenceModelLoader fetches the asset through here: progress as JSON, and a failure as
  // { error } so its message reaches .NET as written here.
  async prepare(url, report) {
    try {
      const prepared = await prepareModel(url, (event) => report(JSON.stringify(event)));
      return { manifestText: prepared.manifestText, vocabulary: prepared.vocabulary, vectors: prepared.vectors, bytes: prepared.info.bytes, fromCache: prepared.info.fromCache };
    } catch (error) {
      return { error: String(error?.message ?? error) };
    }
  },
};

/**
 * Fetches the asset at `url` (cache first), starts ONNX Runtime Web with the graph and resolves with
 * what .NET needs to attach it: { manifestText, vocabulary, vectors, info }.
 */
export async function prepareModel(url, onProgress) {
  const started = performance.now();
  const progress = (event) => {
    try {
      onProgress?.(event);
    } catch {
      // A progress callback that throws must not fail the load.
    }
  };
  const base = await baseUrlOf(url);
  progress({ phase: 'manifest', loaded: 0, total: 0, fromCache: false });
  const provisional = await openCache('pending');
  const { manifest, text } = await manifestOf(base, provisional);
  const cache = await openCache(manifest.modelId);
  if (cache) await cache.put(new URL('manifest.json', base).href, new Response(text)).catch(() => {});
  const files = [manifest.files.model, manifest.files.vocab, manifest.files.vectors];
  const total = files.reduce((sum, f) => sum + (f.bytes ?? 0), 0) + (manifest.files.runtime?.wasm?.bytes ?? 0);
  let done = 0;
  let fromCache = true;
  const tracker = (file) => (loaded, cached, partial) => {
    progress({ phase: 'download', file, loaded: done + loaded, total, fromCache: cached });
    if (!partial) {
      done += loaded;
      fromCache &&= cached;
    }
  };
  const ort = await runtimeOf(base, manifest, cache, tracker('ort-wasm-simd-threaded.wasm'));
  const modelFile = await fileBytes(new URL(manifest.files.model.path, base), manifest.files.model.bytes, cache, tracker(manifest.files.model.path));
  const vocabFile = await fileBytes(new URL(manifest.files.vocab.path, base), manifest.files.vocab.bytes, cache, tracker(manifest.files.vocab.path));
  const vectorFile = await fileBytes(new URL(manifest.files.vectors.path, base), manifest.files.vectors.bytes, cache, tracker(manifest.files.vectors.path));
  progress({ phase: 'session', loaded: total, total, fromCache });
  let session;
  try {
    session = await ort.InferenceSession.create(modelFile.bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  } catch (error) {
    // A corrupt cached copy must not fail every later load: forget it.
    if (cache) await cache.delete(new URL(manifest.files.model.path, base).href).catch(() => {});
    throw new ModelLoadError(`${manifest.files.model.path} is not a model ONNX Runtime can load: ${error?.message ?? error}`, error);
  }
  const outputName = manifest.outputName ?? 'last_hidden_state';
  if (!session.outputNames.includes(outputName)) throw new ModelLoadError(`${manifest.files.model.path} has no output '${outputName}' (it has ${session.outputNames.join(', ')})`);
  activeSession = { ort, session, dimensions: manifest.dimensions, outputName, needsTypes: session.inputNames.includes('token_type_ids') };
  return {
    manifestText: text,
    vocabulary: new TextDecoder().decode(vocabFile.bytes),
    vectors: vectorFile.bytes,
    info: { modelId: manifest.modelId, bytes: total, fromCache, downloadMs: performance.now() - started },
  };
}
