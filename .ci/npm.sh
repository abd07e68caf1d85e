#!/usr/bin/env bash
# The npm package, installed rather than built: packs the published src/Elex.Wasm (argument: its
# publish folder) with `npm pack`, checks the tarball's size, installs it with `npm install <tarball>`
# into a new empty folder without a registry (--offline: the package depends on nothing), and runs
# tests/browser/npm-installed.test.js there (a Node ES module, a CommonJS script and a plain page in
# Chromium import `elex-swarm` and answer). Expects tests/browser's node_modules (npm ci) in place.
set -euo pipefail
cd "$(dirname "$0")/.."

package=elex-swarm
publish=${1:?usage: .ci/npm.sh <publish folder of src/Elex.Wasm>}
wwwroot="$publish/wwwroot"
[ -f "$wwwroot/package.json" ] || wwwroot="$publish"
limit_bytes=$((4 * 1024 * 1024))

fail() {
  echo "npm package $package: $*" >&2
  exit 1
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/pack" "$work/app"

tarball=$(cd "$wwwroot" && npm pack --silent --pack-destination "$work/pack") || fail "npm pack failed in $wwwroot"
tarball="$work/pack/$(basename "$tarball")"
bytes=$(stat -c %s "$tarball")
files=$(tar -tzf "$tarball" | wc -l)
echo "elex-measure npm-tarball {\"package\":\"$package\",\"bytes\":$bytes,\"files\":$files}"
[ "$bytes" -le "$limit_bytes" ] || fail "$(basename "$tarball") is $bytes bytes, over the $limit_bytes-byte limit"

# A new project with nothing but the package: no registry, no install scripts.
echo '{ "name": "elex-swarm-installed", "private": true }' > "$work/app/package.json"
(cd "$work/app" && npm install --offline --no-audit --no-fund "$tarball") || fail "npm install $(basename "$tarball") failed"

cd tests/browser
ELEX_NPM_APP_DIR="$work/app" timeout 300 node --test --test-concurrency=1 --test-force-exit --test-timeout=180000 --test-reporter=spec npm-installed.test.js \
  || fail "the installed package failed its checks (tests/browser/npm-installed.test.js)"
