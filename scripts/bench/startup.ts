/**
 * The start-up rows of the bench: what stands between opening a page and its first squiggles that is the extension's
 * own. Loading the extension's bundle (before `activate`), the preview's (on the first render, not at start-up), and
 * the language server's start to `initialize`, without and with Node's compile cache (which the client turns on).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as module from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const REPO = path.resolve(__dirname, '../..');
const RUNS = 5;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The environment without Node's compile cache: tsx turns it on for this process and, through the environment, for
 * its children. The cold rows must not have it.
 */
function coldEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['NODE_COMPILE_CACHE'];
  return env;
}

/** `require` of a bundle in a fresh Node process, median of `RUNS`. */
function bundleLoadMs(bundle: string): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'loadBundle.cjs'), path.join(REPO, bundle)], { encoding: 'utf8', env: coldEnv() });
    if (r.status !== 0) throw new Error(`loading ${bundle} failed: ${r.stderr}`);
    times.push(Number(r.stdout));
  }
  return median(times);
}

/** Spawn of `node dist/server.js --stdio` until `initialize` is answered, median of `RUNS`. */
async function serverUpMs(root: string, env: NodeJS.ProcessEnv): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const proc = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: 'pipe', env });
    const c = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    c.listen();
    const rootUri = pathToFileURL(root).href;
    await c.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'site' }], capabilities: {} });
    times.push(performance.now() - t);
    await c.sendRequest('shutdown');
    await c.sendNotification('exit');
    await new Promise((r) => proc.once('exit', r));
    c.dispose();
  }
  return median(times);
}

/** The corpus page the UI layer opens first (two genuine warnings). */
const CORPUS = path.join(REPO, 'test/fixtures/istio-sample');
const CORPUS_PAGE = path.join(CORPUS, 'content/zh/blog/2018/aws-nlb/index.md');

interface FirstCheck {
  readonly initializeMs: number;
  readonly diagnosticsMs: number;
  readonly count: number;
  /** The server's own "Start-up (server): …" lines (window/logMessage). */
  readonly serverLog: readonly string[];
}

/**
 * A fresh server on the corpus, as the editor starts it: spawn → `initialize` answered → `didOpen` of the page →
 * its first diagnostics, then the site's first background scan (its log line). Times from the spawn.
 */
async function firstCheck(env: NodeJS.ProcessEnv): Promise<FirstCheck> {
  const t = performance.now();
  const proc = spawn(process.execPath, [path.join(REPO, 'dist/server.js'), '--stdio'], { stdio: 'pipe', env });
  const c = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const serverLog: string[] = [];
  let scanned: () => void = () => {};
  const scan = new Promise<void>((r) => (scanned = r));
  c.onNotification('window/logMessage', (m: { message: string }) => {
    if (!m.message.startsWith('Start-up')) return;
    serverLog.push(m.message);
    if (/first site scan/.test(m.message)) scanned();
  });
  let diagnosed: (n: number) => void = () => {};
  const diagnostics = new Promise<number>((r) => (diagnosed = r));
  c.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: unknown[] }) => diagnosed(p.diagnostics.length));
  c.listen();
  const rootUri = pathToFileURL(CORPUS).href;
  await c.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'corpus' }], capabilities: {} });
  const initializeMs = performance.now() - t;
  await c.sendNotification('initialized', {});
  const text = fs.readFileSync(CORPUS_PAGE, 'utf8');
  await c.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(CORPUS_PAGE).href, languageId: 'markdown', version: 1, text } });
  const count = await diagnostics;
  const diagnosticsMs = performance.now() - t;
  await Promise.race([scan, new Promise((r) => setTimeout(r, 10_000))]);
  await c.sendRequest('shutdown');
  await c.sendNotification('exit');
  await new Promise((r) => proc.once('exit', r));
  c.dispose();
  return { initializeMs, diagnosticsMs, count, serverLog };
}

export async function startupRows(root: string, row: (label: string, value: string, note?: string) => void, ms: (n: number) => string): Promise<void> {
  row('extension bundle loaded (dist/extension.js)', ms(bundleLoadMs('dist/extension.js')), 'before activate, median of 5');
  row('preview bundle (dist/preview.js), on the first render', ms(bundleLoadMs('dist/preview.js')), 'not at start-up');
  row('language server: spawn → initialize answered', ms(await serverUpMs(root, coldEnv())));
  if (typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function') {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-compile-cache-'));
    const env = { ...coldEnv(), NODE_COMPILE_CACHE: cache };
    await serverUpMs(root, env);
    row('  the same, compile cache warm (as the client starts it)', ms(await serverUpMs(root, env)));
    fs.rmSync(cache, { recursive: true, force: true });
  } else {
    row('  the same, compile cache warm (as the client starts it)', `n/a: Node ${process.versions.node}`, 'needs Node 22.1+');
  }
  // The corpus page the UI layer opens first, on a fresh server (one run: the server's own lines say where it went).
  const first = await firstCheck(coldEnv());
  row('corpus page: spawn → initialize answered', ms(first.initializeMs), path.relative(REPO, CORPUS_PAGE));
  row('corpus page: spawn → didOpen → first diagnostics', ms(first.diagnosticsMs), `${first.count} diagnostics`);
  for (const line of first.serverLog) console.log(`    ${line}`);
}
