// Shared set-up: the published dashboard served locally, Debian's Chromium through
// playwright-core with a persistent profile (so IndexedDB survives a reload), and every page
// error or console error recorded so a test can fail on it.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './server.js';
import { publishedRoot, repoRoot } from './published.js';

export { repoRoot };

/** The published app's wwwroot: $ELEX_DASHBOARD_DIR (a publish folder) or artifacts/dashboard. */
export function dashboardRoot() {
  return publishedRoot('ELEX_DASHBOARD_DIR', 'dashboard', 'index.html', 'src/Elex.Dashboard');
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--mute-audio'];

/**
 * Starts server (the dashboard, or `root` with `mounts`) and browser; `problems` collects page
 * errors and console errors.
 */
export async function start({ root, mounts } = {}) {
  const server = await serve(root ?? dashboardRoot(), mounts);
  const profile = await mkdtemp(join(tmpdir(), 'elex-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args, viewport: { width: 1280, height: 900 } });
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    return page;
  };
  const page = watch(context.pages()[0] ?? (await context.newPage()));
  return {
    url: server.url,
    context,
    page,
    problems,
    watch,
    async stop() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the dashboard and waits until its swarm is ready (or failed). */
export async function openDashboard(page, url) {
  await page.goto(url);
  await page.waitForSelector('#status[data-state=ready], #status[data-state=failed]', { timeout: 60_000 });
  const state = await page.getAttribute('#status', 'data-state');
  if (state !== 'ready') throw new Error(`dashboard failed to start: ${await page.textContent('#status')}`);
}
