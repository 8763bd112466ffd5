// Loads a bundle of the extension in a fresh Node process, with a stand-in for the `vscode` module, and prints how
// long `require` took (ms): what the extension host spends before `activate` runs. Used by bench.ts.
'use strict';
const fs = require('fs');
const Module = require('module');

const file = process.argv[2];
// Any member of the stand-in is a function whose members are the same: classes can extend it, calls return it.
const handler = {
  get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : new Proxy(function () {}, handler)),
  apply: () => new Proxy(function () {}, handler),
  construct: () => new Proxy(function () {}, handler),
};
// The API's top-level names (@types/vscode: its namespaces, classes, enums, functions and constants) are own
// properties, so esbuild's namespace import copies them, whatever name a minified bundle calls the module by.
const api = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
const stub = {};
for (const m of api.matchAll(/^\texport (?:namespace|class|enum|function|const|let) (\w+)/gm)) stub[m[1]] = new Proxy(function () {}, handler);
const vscode = new Proxy(stub, { get: (t, p) => (p in t ? t[p] : (t[p] = new Proxy(function () {}, handler))) });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: vscode };

const t = performance.now();
require(file);
process.stdout.write(String(performance.now() - t));
