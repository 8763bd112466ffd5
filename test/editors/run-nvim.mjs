#!/usr/bin/env node
// Check a language server with headless Neovim (Debian's 0.7) as the client.
//
//   node test/editors/run-nvim.mjs --server dist/server.js --file FILE \
//        --expected N [--complete-at LINE:COL] [--complete-label L[,L…]]
//        [--complete-insert TEXT]
//        [--complete-min N] [--root DIR] [--timeout SECONDS]
//
// Runs nvim under `timeout` in its own process group; prints check.lua's
// lines; exits with its code (0 ok, 1 fail, 124 timeout).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const { values: o } = parseArgs({
  options: {
    server: { type: 'string' },
    file: { type: 'string' },
    expected: { type: 'string' },
    'complete-at': { type: 'string' },
    'complete-label': { type: 'string' },
    'complete-min': { type: 'string' },
    'complete-insert': { type: 'string' },
    'code-prefix': { type: 'string' },
    root: { type: 'string' },
    timeout: { type: 'string', default: '60' },
  },
});
if (!o.server || !o.file || o.expected === undefined) {
  console.error('usage: run-nvim.mjs --server SERVER.js --file FILE --expected N [--complete-at L:C]');
  process.exit(2);
}

const t0 = Date.now();
const env = {
  ...process.env,
  SERVER: path.resolve(o.server),
  EXPECTED: o.expected,
  NODE: process.execPath,
  WAIT_MS: String(Math.max(1000, (Number(o.timeout) - 5) * 1000)),
  ROOT: path.resolve(o.root || path.dirname(o.file)),
  // keep Neovim's state/log files out of $HOME
  XDG_STATE_HOME: path.join(process.env.TMPDIR || '/tmp', `nvim-check-${process.pid}`),
  XDG_CACHE_HOME: path.join(process.env.TMPDIR || '/tmp', `nvim-check-${process.pid}`),
};
for (const [k, v] of [['COMPLETE_AT', 'complete-at'], ['COMPLETE_LABEL', 'complete-label'], ['COMPLETE_MIN', 'complete-min'], ['COMPLETE_INSERT', 'complete-insert'], ['CODE_PREFIX', 'code-prefix']]) {
  if (o[v] !== undefined) env[k] = o[v]; else delete env[k];
}
const args = [
  '-k', '5', o.timeout,
  'nvim', '--headless', '-u', 'NONE', '-i', 'NONE', '-n',
  '-c', `luafile ${path.join(HERE, 'nvim/check.lua')}`,
  path.resolve(o.file),
];
const child = spawn('timeout', args, { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
const kill = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch {} };
process.once('SIGINT', () => { kill(); process.exit(130); });
process.once('SIGTERM', () => { kill(); process.exit(143); });
child.on('exit', async (code, signal) => {
  kill(); // the language server, if nvim left it behind
  const { rm } = await import('node:fs/promises');
  await rm(env.XDG_STATE_HOME, { recursive: true, force: true });
  console.error(`run-nvim: exit ${code ?? signal} in ${Date.now() - t0} ms`);
  process.exit(code ?? 1);
});
