#!/usr/bin/env bash
# Builds the studio's browser UI with the system's Node/npm into target/classes/org/mosaic/web/static/ (run by Maven in
# generate-resources; skip with -Dskip.npm). Installs the locked dependencies (npm ci) only when package-lock.json is
# newer than node_modules, and rebuilds only when a source is newer than the built index.html.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  echo "mosaic-web: the web studio's UI needs Node.js 20+ and npm on the PATH (e.g. 'apt-get install -y nodejs npm')," \
       "or build without it: mvn ... -Dskip.npm (the server then answers the API only)." >&2
  exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 18 ]; then
  echo "mosaic-web: Node.js $(node --version) is too old for the UI's build (Vite needs 20+; found at $(command -v node))." >&2
  exit 1
fi
out="../../../target/classes/org/mosaic/web/static"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --prefer-offline --loglevel=error
fi
if [ ! -f "$out/index.html" ] || [ -n "$(find index.html vite.config.js package-lock.json src -newer "$out/index.html" -print -quit)" ]; then
  npm run --silent build -- --logLevel warn
fi
