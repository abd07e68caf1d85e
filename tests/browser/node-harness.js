// Where the published WebAssembly package is (src/Elex.Wasm), and the shared full catalog when present.
import { existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publishedRoot, repoRoot } from './published.js';

/** The package folder: $ELEX_WASM_DIR (a publish folder or its wwwroot) or artifacts/elex. */
export function packageRoot() {
  return publishedRoot('ELEX_WASM_DIR', 'elex', 'package.json', 'src/Elex.Wasm');
}

/** Imports the package's ES entry. */
export function importPackage() {
  return import(pathToFileURL(join(packageRoot(), 'index.js')).href);
}

/** The folder holding elex-catalog.json and dev-questions.jsonl, or null when it is not beside the repo. */
export function sharedCatalogDir() {
  const env = process.env.ELEX_SHARED_CATALOG_DIR;
  if (env && existsSync(join(env, 'elex-catalog.json'))) return env;
  for (let dir = repoRoot; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'catalog');
    if (existsSync(join(candidate, 'elex-catalog.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}
