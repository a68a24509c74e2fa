#!/usr/bin/env node
// Entry point of the `centinela` command-line tool. Plain JavaScript so that an old Node gets a
// clear message instead of a syntax error; the tool itself is TypeScript run by Node's type stripping.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`centinela: Node.js >= 22.12 is required (this is ${process.versions.node}). Install a newer Node and try again.\n`);
  process.exit(2);
}
await import('./main.ts');
