// A benchmark, not a test: where one IndexedDB batch of every agent spends its time in Chromium,
// for one or more published dashboards, sessions alternated so the machine's load hits each alike.
// Each session is what full-catalog.test.js does (a swarm over the full catalog, persistAll three
// times); printed are the medians of the write and of each phase of its split over every session.
//
//   node persist-split.js [rounds] [name=wwwroot ...]
//   node persist-split.js 3 before=/tmp/old/wwwroot after=../../artifacts/dashboard/wwwroot
//
// Without folders it measures $ELEX_DASHBOARD_DIR (or artifacts/dashboard) alone.
import { readFileSync } from 'node:fs';
import { start, dashboardRoot } from './harness.js';
import { sharedCatalogDir } from './node-harness.js';

const shared = sharedCatalogDir();
if (!shared) throw new Error('the full catalog is not beside the repo (shared/catalog) nor in $ELEX_SHARED_CATALOG_DIR');
const rounds = Number(process.argv[2] ?? 3);
const builds = Object.fromEntries(process.argv.slice(3).map((arg) => arg.split('=')));
if (Object.keys(builds).length === 0) builds.current = dashboardRoot();

async function session(root) {
  const s = await start({ root, mounts: { '/shared/': shared } });
  try {
    await s.page.goto(`${s.url}?catalog=/shared/elex-catalog.json`);
    await s.page.waitForSelector('#status[data-state=ready]', { timeout: 180_000 });
    return await s.page.evaluate(async () => {
      const elex = await import('./_content/Elex.Browser/elex.js');
      const swarm = await elex.createSwarm({ catalogUrl: '/shared/elex-catalog.json', databaseName: `persist-split-${Date.now()}` });
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await swarm.diagnostics.persistAll());
      await swarm.shutdown();
      return runs;
    });
  } finally {
    await s.stop();
  }
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
const results = Object.fromEntries(Object.keys(builds).map((name) => [name, []]));
const loads = [];
for (let round = 0; round < rounds; round++) {
  const names = Object.keys(builds);
  // Alternate the order so neither build always runs first.
  for (const name of round % 2 ? names.reverse() : names) {
    loads.push(loadAverage());
    results[name].push(...await session(builds[name]));
  }
}

const quantile = (values, q) => {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
};
for (const [name, runs] of Object.entries(results)) {
  for (const [write, split] of [['writeMs', 'split'], ['coldWriteMs', 'coldSplit']]) {
    const times = runs.map((r) => r[write]);
    // Each phase's own median: they need not add up to the write's median.
    const phases = runs[0][split] ? Object.keys(runs[0][split]).map((k) => `${k}=${quantile(runs.map((r) => r[split]?.[k]), 0.5).toFixed(1)}`).join(' ') : 'no split';
    console.log(`${name} ${write}: n=${times.length} median ${quantile(times, 0.5).toFixed(1)} (p25 ${quantile(times, 0.25).toFixed(1)}, p75 ${quantile(times, 0.75).toFixed(1)}) [${phases}]`);
  }
}
console.log(`load average at each session start: ${loads.join(' ')}`);
