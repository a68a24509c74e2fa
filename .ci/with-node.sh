#!/usr/bin/env sh
# Runs a command with Node >= 22.12 on PATH and the project's packages installed.
# This is what makes `npm start` and `npm test` work on a fresh machine.
set -e
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/.ci/ensure-node.sh"
cd "$root"
stamp="node_modules/.centinela-lock"
want="$(node -e "const c=require('crypto');process.stdout.write(c.createHash('sha256').update(require('fs').readFileSync('package-lock.json')).digest('hex')+process.version.split('.')[0])")"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "centinela: installing packages (npm ci)..." >&2
  npm ci --no-audit --no-fund >&2
  printf %s "$want" > "$stamp"
fi
exec "$@"
