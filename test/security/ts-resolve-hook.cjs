// Preloaded into electronegativity's process by electronegativity.ts. Two fixes for running it
// here, neither changes what it checks:
// 1. Its parser, @typescript-eslint/typescript-estree 4.x, is hoisted to the top of node_modules
//    and would load the project's TypeScript 7 (which has no JavaScript compiler API). Point it
//    at the TypeScript 4 that electronegativity ships in its own node_modules.
// 2. It downloads translations with `got` at start; offline, a retry timer crashes the process
//    part-way through the scan (p-cancelable "onCancel handler was attached after the promise
//    settled"). Give it a `got` that fails at once, so it keeps its built-in English texts.
const Module = require('node:module');
const path = require('node:path');
const nested = path.join(__dirname, '..', '..', 'node_modules', '@doyensec', 'electronegativity', 'node_modules', 'typescript', 'lib', 'typescript.js');
const offline = () => Promise.reject(new Error('offline: network disabled for electronegativity'));
offline.head = offline;
offline.get = offline;
const original = Module._resolveFilename;
const originalLoad = Module._load;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript' && parent && /[\\/]typescript-estree[\\/]/.test(parent.filename)) return nested;
  return original.call(this, request, parent, ...rest);
};
Module._load = function (request, parent, ...rest) {
  if (request === 'got' && parent && /[\\/]@doyensec[\\/]electronegativity[\\/]/.test(parent.filename)) return { __esModule: true, default: offline };
  return originalLoad.call(this, request, parent, ...rest);
};
