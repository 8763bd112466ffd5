#!/usr/bin/env node
// Runs every test layer in order and prints a closing "N passed, N failed" line.
// `npm test` runs all layers; `npm test -- unit protocol` runs the named ones.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);

/** Test files under `dir` ending in `.test.ts`, sorted. */
function testFiles(dir) {
  const out = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.test.ts')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** A layer run with node's test runner: spec output to the terminal, TAP to a file we count from. */
function nodeTestLayer(name, dir, { needsBuild = false } = {}) {
  return {
    name,
    needsBuild,
    run() {
      const files = testFiles(dir);
      if (files.length === 0) return { passed: 0, failed: 1, note: `no test files in ${dir}` };
      const tap = path.join(os.tmpdir(), `istio-authoring-${name}-${process.pid}.tap`);
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
        { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' } },
      );
      const text = fs.existsSync(tap) ? fs.readFileSync(tap, 'utf8') : '';
      fs.rmSync(tap, { force: true });
      const count = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)$`, 'm'))?.[1] ?? 0);
      const passed = count('pass');
      let failed = count('fail') + count('cancelled');
      if (r.status !== 0 && failed === 0) failed = 1;
      return { passed, failed };
    },
  };
}

/** Does process group `pgid` still have a live (non-zombie) member? */
function groupExists(pgid) {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === pgid && f[0] !== 'Z') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

/**
 * A layer that is a script printing its own "N passed, N failed" line. It leads its own process group and runs under
 * a timeout: on timeout (or Ctrl+C here) the group gets SIGTERM — the scripts then stop their own code-server, browser
 * or nvim — and SIGKILL 20 s later if anything of it is still there. Nothing outside the group is touched.
 */
function scriptLayer(name, script, args = [], { needsBuild = true, timeoutMs = 120_000 } = {}) {
  return {
    name,
    needsBuild,
    run() {
      return new Promise((resolve) => {
        const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
        let out = '';
        child.stdout.on('data', (d) => {
          out += d;
          process.stdout.write(d);
        });
        const signalGroup = (sig) => {
          try { process.kill(-child.pid, sig); } catch { /* the group is gone */ }
        };
        let note;
        let killTimer;
        const stop = (why) => {
          note ??= why;
          signalGroup('SIGTERM');
          killTimer ??= setTimeout(() => signalGroup('SIGKILL'), 20_000);
        };
        const timer = setTimeout(() => stop(`timed out after ${timeoutMs / 1000} s`), timeoutMs);
        const onSignal = () => stop('interrupted');
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        child.on('close', async (code) => {
          clearTimeout(timer);
          clearTimeout(killTimer);
          // The script may exit while a helper of its group still cleans up (the stand-in stopping its code-server):
          // wait for the group to empty; only what is still there after 20 s is killed.
          const deadline = Date.now() + 20_000;
          while (groupExists(child.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
          signalGroup('SIGKILL');
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          const all = [...out.matchAll(/(\d+) passed, (\d+) failed/g)];
          const m = all[all.length - 1];
          const passed = m ? Number(m[1]) : 0;
          let failed = m ? Number(m[2]) : 0;
          if (code !== 0 && failed === 0) failed = 1;
          resolve({ passed, failed, ...(note ? { note } : {}) });
          if (note === 'interrupted') process.exitCode = 130;
        });
      });
    },
  };
}

const layers = [
  {
    name: 'typecheck',
    needsBuild: false,
    run() {
      // The solution build: engine, protocol, server, client and test projects, each with only the types it may see.
      const r = spawnSync(process.execPath, [path.join('node_modules', 'typescript', 'bin', 'tsc'), '-b'], { stdio: 'inherit' });
      return r.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    },
  },
  nodeTestLayer('unit', 'test/unit'),
  nodeTestLayer('protocol', 'test/protocol', { needsBuild: true }),
  // The editor-tools install itself, run as `npm test` runs it (needs the Node 24 it installs).
  nodeTestLayer('tools', 'test/tools'),
  // The engine against the real Hugo on small sites the tests write (Hugo from the same install script).
  nodeTestLayer('hugo', 'test/hugo'),
  // The make-lint checks against the real tools: mdl (Debian ruby-mdl, from the same install script) and mdspell
  // (npm markdown-spellcheck, a dev dependency), on the same pages as the engine.
  nodeTestLayer('lint', 'test/lint'),
  // Real editors (tools: scripts/install-editor-tools.sh; a missing tool fails the layer with that hint).
  scriptLayer('nvim', 'test/editors/nvim-layer.mjs', [], { timeoutMs: 120_000 }),
  scriptLayer('exthost', 'test/vscode/run.mjs', [], { timeoutMs: 300_000 }),
  scriptLayer('ui', 'test/ui/run-ui.mjs', [], { timeoutMs: 720_000 }),
  scriptLayer('vsix', 'test/vsix/check.mjs', [], { needsBuild: false, timeoutMs: 300_000 }),
];

const wanted = process.argv.slice(2);
const selected = wanted.length ? layers.filter((l) => wanted.includes(l.name)) : layers;
if (wanted.length && selected.length !== wanted.length) {
  console.error(`unknown layer; known: ${layers.map((l) => l.name).join(', ')}`);
  process.exit(2);
}

// The real-editor layers need Chromium, Neovim and code-server: install them on first use (idempotent, and a no-op
// once they are there), so `npm test` works on a fresh machine. ISTIO_TEST_NO_INSTALL=1 skips this; a layer whose
// tool is still missing then fails and says how to install it.
const EDITOR_LAYERS = new Set(['tools', 'hugo', 'lint', 'nvim', 'exthost', 'ui']);
if (selected.some((l) => EDITOR_LAYERS.has(l.name)) && !process.env.ISTIO_TEST_NO_INSTALL) {
  console.log('=== editor tools (scripts/install-editor-tools.sh) ===');
  const t = spawnSync('bash', [path.join('scripts', 'install-editor-tools.sh')], { stdio: 'inherit' });
  if (t.status !== 0) console.log('editor tools could not be installed: the tools, hugo, lint, nvim, exthost and ui layers will fail');
}

if (selected.some((l) => l.needsBuild)) {
  const b = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}

const results = [];
for (const layer of selected) {
  console.log(`\n=== ${layer.name} ===`);
  const started = Date.now();
  const r = await layer.run();
  if (process.exitCode === 130) {
    console.log(`${layer.name}: interrupted`);
    process.exit(130);
  }
  results.push({ name: layer.name, ...r, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary ===');
for (const r of results) {
  console.log(`${r.name.padEnd(10)} ${String(r.passed).padStart(4)} passed, ${String(r.failed).padStart(3)} failed  (${r.seconds.toFixed(1)} s)${r.note ? '  ' + r.note : ''}`);
}
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
