// Where the model asset is (`elex model export DIR --ort node_modules/onnxruntime-web/dist`): $ELEX_MODEL_DIR or artifacts/model.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './published.js';

export function modelDir() {
  const dir = process.env.ELEX_MODEL_DIR ?? join(repoRoot, 'artifacts', 'model');
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No model asset in ${dir}: run dotnet run --project samples/Elex.Cli -- model export artifacts/model --ort tests/browser/node_modules/onnxruntime-web/dist (or set ELEX_MODEL_DIR)`);
  }
  return dir;
}

// A paraphrase written for these tests (not from any question set): it names none of TTI Bundling's
// words; without the model the sample catalog's router sends it elsewhere.
export const paraphrase = {
  text: 'data sessions of phones at the cell edge keep losing packets; can each uplink packet be repeated over several consecutive subframes?',
  expect: 'FAJ 121 2051',
};
