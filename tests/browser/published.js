// Where a publish folder is: the folder named by an environment variable or a default under
// artifacts/, or its wwwroot when it has one; it must hold `marker`.
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function publishedRoot(envVariable, artifact, marker, project) {
  const publish = process.env[envVariable] ?? join(repoRoot, 'artifacts', artifact);
  const root = existsSync(join(publish, 'wwwroot')) ? join(publish, 'wwwroot') : publish;
  if (!existsSync(join(root, marker))) {
    throw new Error(`Nothing published in ${root}: run dotnet publish ${project} -c Release -o artifacts/${artifact} (or set ${envVariable})`);
  }
  return root;
}
