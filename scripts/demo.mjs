#!/usr/bin/env node
// `npm run demo [-- <site folder>] [--port N]`: VS Code in the browser with the extension installed.
//
// 1. installs code-server into <repo>/.tools if it is missing (scripts/install-editor-tools.sh),
// 2. builds the extension and packages it (a .vsix, as published),
// 3. installs the .vsix into a throwaway code-server profile,
// 4. opens a temporary copy of test/fixtures/demo-site (or the site folder you name, in place)
//    at http://127.0.0.1:<port>/ — no password, bound to the loopback interface only.
// Ctrl+C stops code-server (its whole process group) and removes every temporary folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { freePort, locateTools, prepareCodeServer } from '../test/editors/lib/code-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_SITE = path.join(ROOT, 'test/fixtures/demo-site');
const FAULTY_POST = 'content/en/blog/2025/post-with-faults/index.md';
const CLEAN_POST = 'content/en/blog/2025/hello-mesh/index.md';

const { values: opts, positionals } = parseArgs({
  options: { port: { type: 'string', default: process.env.DEMO_PORT ?? '8484' } },
  allowPositionals: true,
});
const say = (m) => console.log(`[demo] ${m}`);

function step(title, cmd, args, options = {}) {
  const t0 = Date.now();
  say(`${title}…`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
  if (r.status !== 0) {
    process.stderr.write(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    throw new Error(`${title} failed (exit ${r.status ?? r.signal})`);
  }
  say(`${title}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.stdout;
}

/** Can we listen on 127.0.0.1:port? */
function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

let tmp = null;
let cs = null;
let stopping = null;
async function stop(code) {
  stopping ??= (async () => {
    if (cs) {
      say('stopping code-server…');
      await cs.stop();
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    say('stopped; nothing left running');
  })();
  await stopping;
  process.exit(code);
}
// npm forwards Ctrl+C, so the signal may arrive twice: stop() is idempotent.
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stop(0));

try {
  // The site: the bundled demo site is copied so that your edits never change the fixture.
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-demo-'));
  let site;
  if (positionals[0]) {
    site = path.resolve(positionals[0]);
    if (!fs.existsSync(path.join(site, 'content'))) throw new Error(`${site} has no content/ folder: name the root of a site checkout`);
  } else {
    site = path.join(tmp, 'demo-site');
    fs.cpSync(DEMO_SITE, site, { recursive: true });
  }

  try {
    locateTools();
  } catch {
    step('installing code-server into .tools (once, about 2 minutes)', 'bash', [path.join(ROOT, 'scripts/install-editor-tools.sh'), '--code-server-only'], { stdio: 'inherit' });
  }

  const vsix = path.join(tmp, 'istio-authoring.vsix');
  step('building the extension', process.execPath, ['esbuild.mjs', '--production']);
  step('packaging the .vsix', process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix]);

  let port = Number(opts.port);
  if (!(await portIsFree(port))) {
    const free = await freePort();
    say(`port ${port} is busy; using ${free}`);
    port = free;
  }
  cs = await prepareCodeServer({
    workspace: site,
    log: say,
    // Only the extension's completions in Markdown (not every word of the file).
    settings: { '[markdown]': { 'editor.wordBasedSuggestions': 'off' } },
  });
  await cs.installVsix(vsix);
  await cs.start({ port });
  const url = `${cs.url}/`;
  say(`code-server pid ${cs.pid}`);
  console.log(`
  Istio Authoring demo: ${url}
  (no password; listening on 127.0.0.1 only)

  Site: ${site}${positionals[0] ? '' : ' (a copy of test/fixtures/demo-site)'}

  Things to try:
    1. Open the post with faults (${positionals[0] ? 'any post' : FAULTY_POST}):
       squiggles, hovers and the Problems view (Ctrl+Shift+M).
    2. In a post, type \`{{< \` on a new line: shortcode completion.
    3. Open ${CLEAN_POST} and run "Istio: Go to Translation" from the
       command palette (F1): it opens the zh version.

  Press Ctrl+C to stop.
`);
  // Keep running until a signal; if code-server dies, say so and exit.
  const watch = setInterval(() => {
    try {
      process.kill(cs.pid, 0);
    } catch {
      clearInterval(watch);
      say(`code-server exited unexpectedly:\n${cs.output.slice(-2000)}`);
      void stop(1);
    }
  }, 1000);
} catch (e) {
  console.error(`[demo] ${e.message}`);
  await stop(1);
}
