#!/usr/bin/env node
// A stand-in for the VS Code executable, for @vscode/test-electron's
// runTests({ vscodeExecutablePath }) or @vscode/test-cli's
// useInstallation.fromPath. A desktop VS Code cannot be downloaded here, so
// this runs the same extension-host tests in code-server's real Node
// extension host, driven through its web workbench in headless Chromium:
//
//   --extensionDevelopmentPath=P (repeatable), --extensionTestsPath=P,
//   a folder / .code-workspace / file argument, --disable-extensions
//   -> code-server --vscode-option enable-smoke-test-driver
//   -> /?folder=…&payload=[["extensionDevelopmentPath","vscode-remote://…"],…]
//   -> window.codeAutomationExit(code) -> this process exits with code.
//
// Other Electron/VS Code flags are ignored (--user-data-dir and
// --extensions-dir included: code-server gets fresh temporary ones).
// The extension host's console (mocha's output) goes to stdout.
// Env: VSCODE_STANDIN_TIMEOUT_MS (default 300000), VSCODE_STANDIN_VERBOSE=1
// (also print the workbench's own console and code-server's output).
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { prepareCodeServer } from './lib/code-server.mjs';
import { launchBrowser } from './lib/workbench.mjs';

const T0 = Date.now();
const TIMEOUT_MS = Number(process.env.VSCODE_STANDIN_TIMEOUT_MS || 300_000);
const VERBOSE = !!process.env.VSCODE_STANDIN_VERBOSE;
const say = (m) => process.stderr.write(`[vscode-standin +${((Date.now() - T0) / 1000).toFixed(1)}s] ${m}\n`);

// ---- argv --------------------------------------------------------------
// Flags that take a separate value when written without '='.
const VALUE_FLAGS = new Set([
  '--user-data-dir', '--extensions-dir', '--locale', '--profile', '--log', '--enable-proposed-api',
  '--disable-extension', '--install-extension', '--uninstall-extension', '--sync', '--inspect-extensions',
  '--inspect-brk-extensions', '--crash-reporter-directory', '--extensionDevelopmentPath', '--extensionTestsPath',
  '--extensionDevelopmentKind', '--folder-uri', '--file-uri', '--remote',
]);

export function parseArgs(argv) {
  const out = { devPaths: [], testsPath: null, folder: null, workspaceFile: null, files: [], disableExtensions: false, ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let key = a;
    let val;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) { key = a.slice(0, eq); val = a.slice(eq + 1); }
      else if (VALUE_FLAGS.has(a) && i + 1 < argv.length) { val = argv[++i]; }
      switch (key) {
        case '--extensionDevelopmentPath': out.devPaths.push(path.resolve(val)); break;
        case '--extensionTestsPath': out.testsPath = path.resolve(val); break;
        case '--disable-extensions': out.disableExtensions = true; break;
        default: out.ignored.push(val === undefined ? key : `${key}=${val}`);
      }
      continue;
    }
    if (a.startsWith('-')) { out.ignored.push(a); continue; }
    const p = path.resolve(a);
    let st = null;
    try { st = fs.statSync(p); } catch {}
    if (st?.isDirectory()) { if (!out.folder) out.folder = p; else out.ignored.push(a); }
    else if (p.endsWith('.code-workspace')) out.workspaceFile = p;
    else out.files.push(p);
  }
  return out;
}

// ---- console forwarding ----------------------------------------------------
// For CLI test runs the workbench logs extension-host console calls through
// its log service (MainThreadConsole.$logExtensionHostMessage ->
// logService.info), i.e. console.info('%c INFO', css, fmt, ...args), just like
// its own log lines. An init script tells them apart by the call stack (the
// RPC method name survives minification) and hands them to us instead.
function hookExtensionHostConsole() {
  for (const m of ['log', 'info', 'warn', 'error', 'debug']) {
    const orig = console[m];
    console[m] = function (...args) {
      const lim = Error.stackTraceLimit;
      Error.stackTraceLimit = 50;
      const st = new Error().stack || '';
      Error.stackTraceLimit = lim;
      if (st.includes('$logExtensionHostMessage') && typeof window.__standinExtHostLog === 'function') {
        let copy;
        try { copy = JSON.parse(JSON.stringify(args)); } catch { copy = args.map(String); }
        window.__standinExtHostLog(m, copy);
        return undefined;
      }
      return orig.apply(this, args);
    };
  }
}

/** util.format the args of a log-service console call, minus its '%c LEVEL', css prefix. */
export function formatLogArgs(args) {
  let a = args.slice();
  if (typeof a[0] === 'string' && /^%c\s*[A-Z]+$/.test(a[0])) a = a.slice(2);
  return format(...a.map((v) => (v && typeof v === 'object' ? JSON.stringify(v) : v)));
}

// ---- main --------------------------------------------------------------
async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.testsPath || !args.devPaths.length) {
    say('usage: vscode-standin --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [folder]');
    return 2;
  }
  if (args.ignored.length && VERBOSE) say(`ignoring ${args.ignored.join(' ')}`);

  let cs = null;
  let browser = null;
  let finished = false;
  let cleaning = null;
  let aborted = false; // set once cleanup starts; steps still in flight undo themselves
  const cleanup = () => {
    aborted = true;
    cleaning ??= Promise.all([browser?.close().catch(() => {}), cs?.stop().catch(() => {})]);
    return cleaning;
  };
  let signalled = null;
  const onSignal = (sig) => {
    // A second signal (Ctrl+C reaches us directly and through runTests()) must not cut the cleanup short.
    if (signalled) return;
    say(`got ${sig}, cleaning up`);
    signalled = sig;
    cleanup().finally(() => setTimeout(() => process.exit(sig === 'SIGINT' ? 130 : 143), 15_000).unref());
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => { say(`TIMEOUT after ${TIMEOUT_MS} ms`); resolve(124); }, TIMEOUT_MS);
  });

  const run = (async () => {
    const server = await prepareCodeServer({
      vscodeOptions: ['enable-smoke-test-driver'],
      echo: VERBOSE,
      log: (m) => say(m),
    });
    if (aborted) { await server.stop(); throw new Error('aborted'); }
    cs = server;
    await cs.start(); // throws if cs.stop() is called meanwhile
    const payload = [];
    for (const p of args.devPaths) payload.push(['extensionDevelopmentPath', cs.remoteUri(p)]);
    payload.push(['extensionTestsPath', cs.remoteUri(args.testsPath)]);
    payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
    if (args.disableExtensions) payload.push(['disableExtensions', 'true']);
    if (args.files[0]) payload.push(['openFile', cs.remoteUri(args.files[0])]);
    const url = cs.workbenchUrl({ folder: args.folder, workspace: args.workspaceFile, payload });

    let resolveExit;
    const exited = new Promise((r) => (resolveExit = r));
    const b = await launchBrowser({
      onConsole: VERBOSE ? (msg) => process.stderr.write(`[workbench ${msg.type()}] ${msg.text()}\n`) : undefined,
    });
    if (aborted) { await b.close(); throw new Error('aborted'); }
    browser = b;
    const { page } = browser;
    await page.exposeFunction('__standinExtHostLog', (method, args) => {
      const line = formatLogArgs(args) + '\n';
      (method === 'error' || method === 'warn' ? process.stderr : process.stdout).write(line);
    });
    await page.addInitScript(hookExtensionHostConsole);
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
    page.on('crash', () => { say('page crashed'); resolveExit(1); });
    page.on('close', () => { if (!finished) { say('page closed'); resolveExit(1); } });
    say(`opening workbench (folder ${args.folder || args.workspaceFile || 'none'})`);
    await page.goto(url, { timeout: 60_000 });
    const code = await exited;
    finished = true;
    say(`extension host exited with ${code}`);
    return code;
  })().catch((e) => {
    if (aborted) return 1;
    say(`error: ${e.stack || e}`);
    if (cs?.output && !VERBOSE) say(`code-server output (tail):\n${cs.output.slice(-3000)}`);
    return 1;
  });

  let code = await Promise.race([run, timeout]);
  clearTimeout(timer);
  finished = true;
  await cleanup();
  // let a step that was still starting undo itself (it checks `aborted`)
  await Promise.race([run, new Promise((r) => setTimeout(r, 15_000))]);
  if (signalled) code = signalled === 'SIGINT' ? 130 : 143;
  say(`done in ${((Date.now() - T0) / 1000).toFixed(1)} s, exit ${code}`);
  return code;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('vscode-standin.mjs')) {
  main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });
}
