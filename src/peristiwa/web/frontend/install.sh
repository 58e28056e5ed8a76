#!/usr/bin/env bash
# Installs the dashboard's JavaScript libraries from the npm registry (versions pinned by
# package-lock.json) and copies the browser builds into ../static/vendor, which the app serves itself:
# the pages never load anything from the internet. Idempotent; run by `make install`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
vendor="$here/../static/vendor"
if ! command -v npm >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "npm not found: install Node.js (Debian: apt-get install nodejs npm) to build the dashboard" >&2
  exit 1
fi
cd "$here"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
mkdir -p "$vendor"
cp node_modules/cytoscape/dist/cytoscape.min.js "$vendor/cytoscape.min.js"
cp node_modules/chart.js/dist/chart.umd.min.js "$vendor/chart.umd.min.js"
# Swagger UI for /docs, so the API description works offline too
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js "$vendor/swagger-ui-bundle.js"
cp node_modules/swagger-ui-dist/swagger-ui.css "$vendor/swagger-ui.css"
cp node_modules/cytoscape/LICENSE "$vendor/cytoscape.LICENSE" 2>/dev/null || true
cp node_modules/chart.js/LICENSE.md "$vendor/chart.js.LICENSE.md" 2>/dev/null || true
