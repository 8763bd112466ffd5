#!/usr/bin/env node
// Run an extension's mocha suite in a real VS Code extension host through the
// standard @vscode/test-electron runTests(), with vscode-standin.mjs (code-server
// + headless Chromium) as the "VS Code executable".
//
//   node test/editors/run-exthost.mjs --ext <extensionDevelopmentPath> \
//        --tests <extensionTestsPath> [--workspace <folder>] [--timeout <ms>]
//        [-- extra launch args]
//
// Exits 0 when the suite passes, non-zero otherwise.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const STANDIN = path.join(HERE, 'vscode-standin.mjs');

const { values, positionals } = parseArgs({
  options: {
    ext: { type: 'string' },
    tests: { type: 'string' },
    workspace: { type: 'string' },
    timeout: { type: 'string', default: '300000' },
  },
  allowPositionals: true,
});
if (!values.ext || !values.tests) {
  console.error('usage: run-exthost.mjs --ext DIR --tests FILE [--workspace DIR] [--timeout MS] [-- launchArgs]');
  process.exit(2);
}

const t0 = Date.now();
let code = 0;
try {
  await runTests({
    vscodeExecutablePath: STANDIN,
    extensionDevelopmentPath: path.resolve(values.ext),
    extensionTestsPath: path.resolve(values.tests),
    launchArgs: [...(values.workspace ? [path.resolve(values.workspace)] : []), '--disable-extensions', ...positionals],
    extensionTestsEnv: { VSCODE_STANDIN_TIMEOUT_MS: values.timeout },
    // The stand-in makes its own temporary profile; do not let runTests add
    // --user-data-dir/--extensions-dir under ./.vscode-test.
    reuseMachineInstall: true,
  });
} catch (e) {
  console.error(`run-exthost: ${e.message}`);
  code = typeof e.code === 'number' && e.code !== 0 ? e.code : 1;
}
console.error(`run-exthost: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
