// Where the published WebAssembly package is (src/Elex.Wasm), and the shared full catalog when present.
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

/** The package folder: $ELEX_WASM_DIR (a publish folder or its wwwroot) or artifacts/elex. */
export function packageRoot() {
  const publish = process.env.ELEX_WASM_DIR ?? join(repoRoot, 'artifacts', 'elex');
  const root = existsSync(join(publish, 'wwwroot')) ? join(publish, 'wwwroot') : publish;
  if (!existsSync(join(root, 'package.json'))) {
    throw new Error(`No published package in ${root}: run dotnet publish src/Elex.Wasm -c Release -o artifacts/elex (or set ELEX_WASM_DIR)`);
  }
  return root;
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
