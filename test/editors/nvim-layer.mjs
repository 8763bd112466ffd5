#!/usr/bin/env node
// The Neovim layer: Debian's headless Neovim (0.7) as a second, independent LSP client of
// `node dist/server.js --stdio`, on a temporary copy of test/fixtures/istio-sample.
// Each check is one run of run-nvim.mjs (nvim under `timeout`, in its own process group).
// Prints one line per check and "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const SERVER = path.join(ROOT, 'dist/server.js');

function fail(message) {
  console.log(`FAIL ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status !== 0) {
  fail('nvim is missing. Install the editor tools with: bash scripts/install-editor-tools.sh');
}
if (!fs.existsSync(SERVER)) fail('dist/server.js is not built: run `node esbuild.mjs` first');

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-nvim-'));
const site = path.join(tmp, 'istio-sample');
fs.cpSync(path.join(ROOT, 'test/fixtures/istio-sample'), site, { recursive: true });
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

const checks = [
  {
    name: 'zh blog/2018/aws-nlb: 2 shortcode diagnostics (the malformed delimiters of lines 36 and 40)',
    file: 'content/zh/blog/2018/aws-nlb/index.md',
    args: ['--expected', '2', '--code-prefix', 'shortcode.'],
    // check.lua prints "file:line:col: message [source code]" per diagnostic
    expectLines: [
      /aws-nlb\/index\.md:36:5: .* \[istio shortcode\.malformed-delimiter\]/,
      /aws-nlb\/index\.md:40:5: .* \[istio shortcode\.malformed-delimiter\]/,
    ],
  },
  {
    name: 'en blog/2023/istiocon-china (clean): an empty diagnostics list',
    file: 'content/en/blog/2023/istiocon-china/index.md',
    args: ['--expected', '0'],
  },
  {
    // Explicit: after typing `{{< ` on a new line the server offers the site's shortcode names.
    name: 'en blog/2019/data-plane-setup: completion after typing `{{< ` offers image, text, tabset',
    file: 'content/en/blog/2019/data-plane-setup/index.md',
    args: ['--expected', '0', '--code-prefix', 'shortcode.', '--complete-at', '14:1', '--complete-insert', '{{< ', '--complete-label', 'image,text,tabset'],
  },
];

let passed = 0;
let failed = 0;
for (const c of checks) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [
    path.join(HERE, 'run-nvim.mjs'), '--server', SERVER, '--root', site, '--file', path.join(site, c.file), '--timeout', '30', ...c.args,
  ], { encoding: 'utf8', cwd: site, timeout: 60_000 });
  const out = `${r.stdout ?? ''}`.trim();
  const missing = (c.expectLines ?? []).filter((re) => !re.test(out));
  const ok = r.status === 0 && missing.length === 0;
  if (ok) passed++; else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${c.name} (${Date.now() - t0} ms)`);
  for (const line of out.split('\n')) console.log(`       ${line}`);
  if (!ok && r.stderr) console.log(`       stderr: ${r.stderr.trim().split('\n').slice(-5).join('\n       ')}`);
  for (const re of missing) console.log(`       missing a line matching ${re}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
