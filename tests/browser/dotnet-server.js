// A .NET web app run as its own process on a free loopback port (Kestrel's `--urls http://127.0.0.1:0`):
// resolves with the child and its address once Kestrel says where it listens; stop() ends it.
import { spawn } from 'node:child_process';

export async function startDotnetServer(name, dll, { env, cwd, timeoutMs = 30_000 } = {}) {
  const child = spawn('dotnet', [dll, '--urls', 'http://127.0.0.1:0'], { cwd, env: env ? { ...process.env, ...env } : process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const read = (chunk) => {
      output += chunk;
      const match = /Now listening on: (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
  return {
    child,
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
