#!/usr/bin/env node
// The extension-host layer: runs the mocha suite in test/vscode/suite inside a real VS Code extension host,
// in ONE launch, through @vscode/test-electron's runTests(). The workspace is a temporary copy of
// test/fixtures/istio-sample, so edits and new files never touch the fixture.
//
//   node test/vscode/run.mjs             code-server's extension host (test/editors/vscode-standin.mjs)
//   node test/vscode/run.mjs --desktop   desktop VS Code, downloaded by @vscode/test-electron (where reachable)
//
// Expects dist/ to be built (`node esbuild.mjs`). Prints mocha's spec output and "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { locateTools } from '../editors/lib/code-server.mjs';
import { CHROMIUM } from '../editors/lib/workbench.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const STANDIN = path.join(ROOT, 'test/editors/vscode-standin.mjs');
const desktop = process.argv.includes('--desktop');
const t0 = Date.now();

function fail(message) {
  console.log(`FAIL ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!fs.existsSync(path.join(ROOT, 'dist/extension.js')) || !fs.existsSync(path.join(ROOT, 'dist/server.js'))) {
  fail('dist/ is not built: run `node esbuild.mjs` first');
}
if (!desktop) {
  try {
    locateTools();
  } catch (e) {
    fail(`editor tools missing (${e.message}). Install them with: bash scripts/install-editor-tools.sh`);
  }
  if (!fs.existsSync(CHROMIUM)) fail(`${CHROMIUM} missing. Install the editor tools with: bash scripts/install-editor-tools.sh`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-exthost-'));
const workspace = path.join(tmp, 'istio-sample');
fs.cpSync(path.join(ROOT, 'test/fixtures/istio-sample'), workspace, { recursive: true });
// Completion tests look at the extension's items, not at the words of the file.
fs.mkdirSync(path.join(workspace, '.vscode'));
fs.writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify({ '[markdown]': { 'editor.wordBasedSuggestions': 'off' } }, null, 2));
console.log(`workspace: a copy of test/fixtures/istio-sample in ${workspace}`);

let code = 0;
let interrupted = false;
const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });
// Ctrl+C: runTests() forwards SIGINT to the stand-in, which stops its code-server and exits; runTests() then returns
// and we clean up below. (A listener of our own also keeps runTests() from exiting the process before that.)
process.on('SIGINT', () => { interrupted = true; });
process.on('SIGTERM', () => {
  if (interrupted) return;
  interrupted = true;
  process.kill(process.pid, 'SIGINT');
});
try {
  await runTests({
    ...(desktop ? {} : { vscodeExecutablePath: STANDIN }),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(HERE, 'suite/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    // The stand-in makes its own temporary profile; do not let runTests add --user-data-dir/--extensions-dir.
    ...(desktop ? {} : { reuseMachineInstall: true }),
    extensionTestsEnv: { ISTIO_EXTHOST_GREP: process.env.ISTIO_EXTHOST_GREP ?? '' },
  });
} catch (e) {
  console.error(`exthost: ${e.message}`);
  code = 1;
} finally {
  cleanup();
}
if (interrupted) code = 130;
console.error(`exthost: ${code === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.exit(code);
