#!/usr/bin/env bash
# Installed, not just built: packs every NuGet package (eng/Packages.props) into a local folder feed,
# installs the libraries from that feed into a new console project (nuget.config: the feed plus
# nuget.org) and elex as a .NET tool into a temporary tool path, and asks each one question on the
# packaged full catalog (docs/PACKAGES.md, docs/TESTS.md).
# One line a check ("packages: pass ..." / "packages: FAIL <package> ..."), then "ℹ pass N" and
# "ℹ fail N", which .ci/run's closing line counts. Exits non-zero when a check failed.
# The packages get a version of their own for this run (<VersionPrefix>-ci.<time>), so what is
# installed is what was just packed, never an older build from the NuGet cache; those versions are
# removed from the cache at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
suffix="ci.$(date -u +%Y%m%d%H%M%S)"
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
version="$prefix-$suffix"
feed="$work/feed"
packages_cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
# Every package eng/Packages.props makes packable (the project name is the package id).
mapfile -t ids < <(sed -n "s:.*MSBuildProjectName)' == '\([^']*\)'.*:\1:p" eng/Packages.props)

cleanup() {
  rm -rf "$work"
  for id in "${ids[@]}"; do
    rm -rf "${packages_cache:?}/${id,,}/${version}"
    rmdir --ignore-fail-on-non-empty "$packages_cache/${id,,}" 2>/dev/null || true
  done
}
trap cleanup EXIT

passed=0
failed=0
pass() { echo "packages: pass $*"; passed=$((passed + 1)); }
fail() { echo "packages: FAIL $*"; failed=$((failed + 1)); }
# Prints a failed step's last lines (its log) under the FAIL line.
show_log() { sed -e 's/^/    /' "$1" | tail -n 25; }
finish() {
  echo "ℹ pass $passed"
  echo "ℹ fail $failed"
  echo "packages: $passed of $((passed + failed)) checks passed in $SECONDS s"
  [ "$failed" = 0 ]
  exit $?
}

echo "packages: version $version (${#ids[@]} packages: ${ids[*]}) into a local feed"

# 1. Pack: a CI build (deterministic paths; Source Link fills in the repository URL where the clone
#    has a remote on a known host), symbols beside each package.
if ! timeout 900 dotnet pack Elex.Reactive.sln -c Release -o "$feed" \
    -p:VersionSuffix="$suffix" -p:ContinuousIntegrationBuild=true >"$work/pack.log" 2>&1; then
  fail "dotnet pack Elex.Reactive.sln (every package)"
  show_log "$work/pack.log"
  finish
fi
for id in "${ids[@]}"; do
  nupkg="$feed/$id.$version.nupkg"
  if [ -f "$nupkg" ] && [ -f "$feed/$id.$version.snupkg" ]; then
    pass "pack $id $version ($(( $(stat -c %s "$nupkg") / 1024 )) KB, with .snupkg)"
  else
    fail "pack $id: $id.$version.nupkg and .snupkg not both produced"
  fi
done

# 2. The libraries, installed from the feed into a new console project.
app="$work/app"
mkdir -p "$app"
cat >"$app/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
EOF
(cd "$app" && dotnet new console --name PackageCheck --output . --no-restore >"$work/new.log" 2>&1) \
  || { fail "dotnet new console (SDK templates)"; show_log "$work/new.log"; finish; }
cp .ci/packages/Program.cs "$app/Program.cs"
# An installer that treats warnings as errors still restores and builds (no NU1603 and the like);
# nothing from the folders above the project applies.
cat >"$app/Directory.Build.props" <<'EOF'
<Project>
  <PropertyGroup>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
  </PropertyGroup>
</Project>
EOF
installed=1
for id in Elex.Streams Elex.Catalog Elex.Storage.Sqlite Elex.Semantic; do
  if (cd "$app" && timeout 600 dotnet add package "$id" --version "$version") >"$work/add.log" 2>&1; then
    pass "install $id $version from the feed (dotnet add package)"
  else
    fail "install $id $version from the feed (dotnet add package)"
    show_log "$work/add.log"
    installed=0
  fi
done
if [ "$installed" = 1 ]; then
  if (cd "$app" && timeout 600 dotnet build -c Release >"$work/build.log" 2>&1); then
    (cd "$app" && timeout 300 dotnet bin/Release/net10.0/PackageCheck.dll "$work/app-data") >"$work/run.log" 2>&1
    status=$?
    while read -r _ package verdict detail; do
      if [ "$verdict" = pass ]; then pass "$package: $detail"; else fail "$package: $detail"; fi
    done < <(grep '^check ' "$work/run.log")
    if [ "$status" != 0 ] && ! grep -q '^check [^ ]* fail ' "$work/run.log"; then
      fail "the installed-package program (Elex.Streams, Elex.Catalog, Elex.Storage.Sqlite, Elex.Semantic) exited $status"
    fi
    if [ "$status" != 0 ]; then show_log "$work/run.log"; fi
  else
    fail "build of a console project on Elex.Streams, Elex.Catalog, Elex.Storage.Sqlite, Elex.Semantic (installed from the feed)"
    show_log "$work/build.log"
  fi
fi

# 3. elex as a .NET tool, installed from the feed into a temporary tool path.
tools="$work/tools"
if (cd "$work" && timeout 600 dotnet tool install Elex.Cli --tool-path "$tools" --add-source "$feed" --version "$version") >"$work/tool.log" 2>&1; then
  pass "install Elex.Cli $version as a tool (dotnet tool install --tool-path)"
  question="Which counters show MSM is working?"
  if timeout 300 "$tools/elex" ask "$question" --data "$work/tool-data" >"$work/ask.log" 2>&1 \
      && grep -q "FAJ 121 3094" "$work/ask.log"; then
    pass "Elex.Cli: elex ask \"$question\" -> $(head -n 1 "$work/ask.log")"
  else
    fail "Elex.Cli: the installed elex did not answer \"$question\" with MIMO Sleep Mode (FAJ 121 3094)"
    show_log "$work/ask.log"
  fi
  # The model and ONNX Runtime's native library, as the tool package carries them.
  question="can an LTE cell mute two of its four transmit branches at night and bring them back when load returns?"
  if timeout 300 "$tools/elex" ask "$question" --data "$work/tool-data" >"$work/ask.log" 2>&1 \
      && grep -q "FAJ 121 3094" "$work/ask.log" && compgen -G "$work/tool-data/semantic/model-*.onnx" >/dev/null; then
    pass "Elex.Cli: elex ask \"$question\" -> $(head -n 1 "$work/ask.log") (sentence model loaded)"
  else
    fail "Elex.Cli: the installed elex did not answer \"$question\" with MIMO Sleep Mode (FAJ 121 3094) through its sentence model"
    show_log "$work/ask.log"
  fi
else
  fail "install Elex.Cli $version as a tool (dotnet tool install --tool-path)"
  show_log "$work/tool.log"
fi

# 4. Hook: the npm package of the browser/Node swarm (src/Elex.Wasm) is checked here once it is packed
#    as a tarball: npm pack into "$work", npm install the .tgz into a new folder, ask one question in
#    Node, and count it with pass/fail like the checks above.

finish
