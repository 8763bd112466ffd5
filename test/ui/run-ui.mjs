#!/usr/bin/env node
// The UI layer, in ONE code-server launch: starts `npm run demo` (which builds the .vsix, installs it into a
// throwaway code-server with --install-extension and opens a copy of test/fixtures/demo-site), drives the
// workbench in headless Chromium (Playwright), then stops the demo with Ctrl+C (SIGINT to its process group)
// and checks that no process it started is left.
//
//   1. a copy of test/fixtures/istio-sample: the start-up from opening zh blog/2018/aws-nlb to its first problems
//      (VS Code's part and ours, printed: test/ui/startup.mjs); the page shows its two known faults (squiggles and
//      Problems rows); "Istio: Check Whole Site" shows the CLI's counts (test/ui/wholeSite.mjs); a PNG dropped and
//      one pasted into en blog/2023/istiocon-china become `{{< image >}}` figures (the default edit) and files of the bundle; the Markdown preview of en
//      blog/2018/aws-nlb shows its four figures with their images loaded (real PNGs written over the corpus
//      placeholders) and its callouts, without an error box; in the preview of en blog/2021/better-external-authz a
//      tab chosen in one tabset is chosen in all seven of its category;
//   2. the demo site: the post with faults (squiggles, Problems rows), completion after typing `{{< `,
//      "Istio: Go to Translation" from the palette opening the zh version, the preview of hello-mesh (header,
//      figure, text block with its `$` prompt, tip, tabs that switch on click);
//   3. the demo site: "Istio: New Blog Post", then a whole post typed with real keystrokes (frontmatter values, a
//      keyword and a key from their lists, an image, a text block, a tip, a tabset with two tabs, a link with an
//      anchor), every list opening on its own; the saved file must equal the expected text (test/ui/newPost.mjs);
//   4. Translation Status on the corpus made a full checkout: groups, filter, readiness (test/ui/translationStatus.mjs).
//
// Screenshots go to test-results/screenshots/ (git-ignored). Prints one line per step and "N passed, N failed".
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, locateTools } from '../editors/lib/code-server.mjs';
import { Steps } from '../editors/lib/steps.mjs';
import * as wb from '../editors/lib/workbench.mjs';
import { stripedPng } from '../editors/lib/png.mjs';
import * as np from './newPost.mjs';
import * as ts from './translationStatus.mjs';
import { measureStartup } from './startup.mjs';
import { wholeSiteStep } from './wholeSite.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
// Under the test runner's 720 s for the layer, so the script's own clean-up runs first (the typed post adds a minute).
const TIMEOUT_MS = Number(process.env.UI_TIMEOUT_MS || 690_000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A real 1×1 PNG, dropped and pasted into a post. */
/** The picture dropped and pasted "from the OS" (a real PNG, base64 as the page's DataTransfer takes it). */
const TINY_PNG = stripedPng(240, 120).toString('base64');

let page = null;
const steps = new Steps(async (name) => (page ? path.relative(ROOT, await wb.screenshot(page, SHOTS, `FAIL-${name}`)) : null));
const step = (name, fn) => steps.step(name, fn);
const secs = () => steps.secs();

function finish() {
  console.log(`screenshots in ${path.relative(ROOT, SHOTS)}/; total ${secs()} s`);
  console.log(steps.summary());
  process.exit(steps.failed ? 1 : 0);
}

/**
 * Every [pattern, code] matches one row of the Problems view: the pattern its aria-label (what VS Code reads out:
 * severity, message, line and column, source), the code its shown text (`istio(code)`; the parentheses are CSS).
 */
function expectRows(rows, expected) {
  const missing = expected.filter(([re, code]) => !rows.some((r) => re.test(r.label) && r.text.includes(`istio${code}`)));
  if (missing.length) throw new Error(`no row matches ${missing.map(([re, c]) => `${re} ${c}`).join(', ')}; rows: ${JSON.stringify(rows)}`);
}

// ---- tools -----------------------------------------------------------------------------------------
try {
  locateTools();
  if (!fs.existsSync(wb.CHROMIUM)) throw new Error(`${wb.CHROMIUM} is missing`);
} catch (e) {
  steps.fail(`editor tools missing (${e.message}). Install them with: bash scripts/install-editor-tools.sh`);
  finish();
}
fs.rmSync(SHOTS, { recursive: true, force: true });
fs.mkdirSync(SHOTS, { recursive: true });

// ---- processes we own: the demo (npm's process group) and everything it starts, found by a marker -----
const MARKER = `istio-ui-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;

/** PIDs of live (non-zombie) processes whose environment carries our marker. */
function markedProcesses() {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d) || Number(d) === process.pid) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue;
      if (fs.readFileSync(`/proc/${d}/environ`, 'latin1').includes(`ISTIO_UI_MARKER=${MARKER}`)) out.push(Number(d));
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

let demo = null;
let demoExit = null;
let browser = null;
let sampleTmp = null;
let cleaning = null;
const cleanup = () => (cleaning ??= (async () => {
  await browser?.close().catch(() => {});
  if (demo && demo.exitCode === null && demo.signalCode === null) {
    try { process.kill(-demo.pid, 'SIGINT'); } catch {}
    await Promise.race([demoExit, sleep(15_000)]);
  }
  // Last resort, only for our own marked processes.
  for (const pid of markedProcesses()) { try { process.kill(pid, 'SIGKILL'); } catch {} }
  if (sampleTmp) fs.rmSync(sampleTmp, { recursive: true, force: true });
})());
// `on`, not `once`: a second signal must not cut the cleanup short (cleanup() is idempotent).
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => cleanup().finally(() => process.exit(130)));
const watchdog = setTimeout(() => {
  steps.fail(`overall timeout ${TIMEOUT_MS} ms`);
  cleanup().finally(finish);
}, TIMEOUT_MS);

// ---- start `npm run demo` ------------------------------------------------------------------------------
const port = await freePort();
let demoOut = '';
let url = null;
let demoSite = null;
const started = await step('`npm run demo` builds, packages and installs the .vsix and serves code-server', async () => {
  // Its own process group, like a terminal's foreground job: Ctrl+C = SIGINT to the group.
  demo = spawn('npm', ['run', 'demo', '--', '--port', String(port)], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ISTIO_UI_MARKER: MARKER, npm_config_update_notifier: 'false' },
  });
  demoExit = new Promise((resolve) => demo.on('exit', (code, signal) => resolve({ code, signal })));
  const onData = (d) => { demoOut += d; };
  demo.stdout.on('data', onData);
  demo.stderr.on('data', onData);
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const m = /Istio Authoring demo: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(demoOut);
    if (m) {
      url = m[1];
      demoSite = /Site: (\S+)/.exec(demoOut)?.[1] ?? null;
      return { url, site: demoSite };
    }
    if (demo.exitCode !== null) throw new Error(`npm run demo exited ${demo.exitCode}:\n${demoOut.slice(-2000)}`);
    await sleep(200);
  }
  throw new Error(`no URL from npm run demo within 240 s:\n${demoOut.slice(-2000)}`);
});

if (started) {
  await step('it listens on 127.0.0.1 only, without a password', async () => {
    const res = await fetch(url, { redirect: 'manual' });
    if (res.status >= 400) throw new Error(`GET ${url}: ${res.status}`);
    if (!/--bind-addr 127\.0\.0\.1:|HTTP server listening on http:\/\/127\.0\.0\.1:/.test(demoOut) && !url.startsWith('http://127.0.0.1:')) {
      throw new Error('not bound to 127.0.0.1');
    }
    return res.status;
  });

  browser = await wb.launchBrowser();
  page = browser.page;

  // 1. the real sample site: zh blog/2018/aws-nlb
  sampleTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'istio-ui-'));
  const sample = path.join(sampleTmp, 'istio-sample');
  fs.cpSync(path.join(ROOT, 'test/fixtures/istio-sample'), sample, { recursive: true });
  // The corpus images are empty placeholders: the preview step needs real pictures to load.
  const nlb = path.join(sample, 'content/en/blog/2018/aws-nlb');
  fs.chmodSync(nlb, 0o755);
  for (const name of fs.readdirSync(nlb).filter((n) => n.endsWith('.png'))) {
    fs.rmSync(path.join(nlb, name), { force: true });
    fs.writeFileSync(path.join(nlb, name), stripedPng(480, 200));
  }
  if (await step('workbench opens a copy of test/fixtures/istio-sample', () => wb.openWorkbench(page, url, sample))) {
    let openedAt = 0;
    // The first Quick Open of the window waits for its file search, slow while the workbench starts on a busy machine.
    const first = { timeoutMs: 60_000, onEnter: () => (openedAt = Date.now()) };
    if (await step('open content/zh/blog/2018/aws-nlb/index.md', () => wb.quickOpen(page, 'content/zh/blog/2018/aws-nlb/index.md', first))) {
      await step('start-up: from opening the page to its first problems, VS Code\'s part and ours (test/ui/startup.mjs)', () => measureStartup(page, openedAt));
      await step('zh aws-nlb: 2 warning squiggles (lines 36 and 40)', async () => {
        await wb.goTo(page, 36, 1);
        return wb.waitForSquiggles(page, { severity: 'warning', min: 2 });
      });
      await step('zh aws-nlb: the Problems view lists both malformed delimiters', async () => {
        const rows = await wb.problemRows(page, { min: 3 }); // the file row and its two problems
        expectRows(rows, [
          [/^Warning: This tag starts with `\{<` instead of `\{\{<`.* at line 36 and character 5\. generated by istio$/, 'shortcode.malformed-delimiter'],
          [/^Warning: A stray `\{` before this shortcode .* at line 40 and character 5\. generated by istio$/, 'shortcode.malformed-delimiter'],
        ]);
        return { status: await wb.statusProblems(page) };
      });
      await wb.screenshot(page, SHOTS, '1-aws-nlb-zh');
      await wholeSiteStep({ page, step, root: ROOT, site: sample, shots: SHOTS });
    }
    // Image drop and paste (the extension is active: the squiggles above came from its server).
    if (await step('open content/en/blog/2023/istiocon-china/index.md', () => wb.quickOpen(page, 'content/en/blog/2023/istiocon-china/index.md'))) {
      const bundle = path.join(sample, 'content/en/blog/2023/istiocon-china');
      for (const [how, name, line, file] of [
        ['drop', 'Mesh Diagram.png', '{{< image width="75%" link="./mesh-diagram.png" caption="caption" >}}', 'mesh-diagram.png'],
        ['paste', 'image.png', '{{< image width="75%" link="./istiocon-china-1.png" caption="caption" >}}', 'istiocon-china-1.png'],
      ]) {
        await step(`${how} a PNG from the OS: the Istio figure is the default edit and the file is copied into the bundle`, async () => {
          await page.keyboard.press('Control+End');
          await page.keyboard.press('Enter');
          await wb.giveFiles(page, how, [{ name, type: 'image/png', base64: TINY_PNG }]);
          await wb.waitForEditorLine(page, line);
          // The copy is part of the same workspace edit, written through the remote file system: wait for it.
          const target = path.join(bundle, file);
          const deadline = Date.now() + 10_000;
          while (!fs.existsSync(target) && Date.now() < deadline) await sleep(100);
          const copied = fs.readFileSync(target);
          if (!copied.equals(Buffer.from(TINY_PNG, 'base64'))) throw new Error(`${file} does not hold the bytes of the ${how}`);
          await page.keyboard.press('Escape');
          return { line, file };
        });
      }
      await wb.screenshot(page, SHOTS, '1b-image-paste');
    }
    // The Markdown preview of the English post: its four images come from the bundle and load.
    if (await step('open content/en/blog/2018/aws-nlb/index.md', () => wb.quickOpen(page, 'content/en/blog/2018/aws-nlb/index.md'))) {
      await step('en aws-nlb: "Markdown: Open Preview to the Side" shows its 4 figures with loaded images, tip and warning', async () => {
        await wb.runCommand(page, 'Markdown: Open Preview to the Side');
        const frame = await wb.webviewFrame(page, 'figure.istio-figure img');
        // The figures load lazily, as on istio.io: bring each into view and wait until its picture is decoded.
        const loaded = await frame.evaluate(async () => {
          const imgs = [...document.querySelectorAll('figure.istio-figure img')];
          for (const img of imgs) {
            img.scrollIntoView({ block: 'center' });
            await img.decode().catch(() => {});
          }
          return imgs.map((i) => ({ src: i.getAttribute('src'), ok: i.complete && i.naturalWidth > 0 }));
        });
        if (loaded.length !== 4 || loaded.some((i) => !i.ok)) throw new Error(`images not loaded: ${JSON.stringify(loaded)}`);
        // …and they are the bundle's own files (as webview resource URLs).
        const foreign = loaded.filter((i) => !/\/content\/en\/blog\/2018\/aws-nlb\/[a-z_]+\.png$/.test(decodeURIComponent(new URL(i.src, 'file:///').pathname)));
        if (foreign.length) throw new Error(`not the bundle's files: ${JSON.stringify(foreign)}`);
        await frame.evaluate(() => document.querySelector('figure.istio-figure').scrollIntoView({ block: 'center' }));
        const seen = await frame.evaluate(() => ({
          images: [...document.querySelectorAll('figure.istio-figure img')].map((i) => `${i.getAttribute('alt')} ${i.naturalWidth}x${i.naturalHeight}`),
          captions: [...document.querySelectorAll('figure.istio-figure figcaption')].map((c) => c.textContent.trim()),
          callouts: [...document.querySelectorAll('.istio-callout')].map((c) => c.className),
          errors: [...document.querySelectorAll('.istio-error')].map((e) => e.textContent.trim()),
        }));
        const want = ['Create a new policy', 'Select json', 'Validate policy', 'Attach policy'];
        if (JSON.stringify(seen.captions) !== JSON.stringify(want)) throw new Error(`captions ${JSON.stringify(seen.captions)}`);
        if (!seen.callouts.some((c) => /tip/.test(c)) || !seen.callouts.some((c) => /warning/.test(c))) throw new Error(`callouts ${JSON.stringify(seen.callouts)}`);
        if (seen.errors.length) throw new Error(`error boxes on a published post: ${JSON.stringify(seen.errors)}`);
        await wb.screenshot(page, SHOTS, '1c-preview-aws-nlb-en');
        return seen.images;
      });
    }
    // Tabs of one category switch together, as on istio.io: en better-external-authz has 7 tabsets of "opa-deploy".
    if (await step('open content/en/blog/2021/better-external-authz/index.md', () => wb.quickOpen(page, 'content/en/blog/2021/better-external-authz/index.md'))) {
      await step('better-external-authz preview: choosing "Deploy OPA in a separate pod" in one tabset chooses it in all seven', async () => {
        await wb.runCommand(page, 'Markdown: Open Preview to the Side');
        const frame = await wb.webviewFrame(page, '.istio-tabset[data-category-name="opa-deploy"].istio-tabs-enabled');
        const chosen = () => frame.evaluate(() => [...document.querySelectorAll('.istio-tabset[data-category-name="opa-deploy"]')]
          .map((t) => t.querySelector(':scope > .istio-tab-bar > [aria-selected="true"]')?.textContent));
        const before = await chosen();
        await frame.getByRole('tab', { name: 'Deploy OPA in a separate pod' }).first().click();
        const after = await chosen();
        const same = (list, name) => list.length === 7 && list.every((n) => n === name);
        if (!same(before, 'Deploy OPA in the same pod') || !same(after, 'Deploy OPA in a separate pod')) {
          throw new Error(`chosen tabs before/after: ${JSON.stringify(before)} / ${JSON.stringify(after)}`);
        }
        return { tabsets: after.length, chosen: after[0] };
      });
    }
  }

  // 2. the demo site
  if (await step('workbench opens the demo site', () => wb.openWorkbench(page, url, demoSite))) {
    if (await step('open the post with faults', () => wb.quickOpen(page, 'content/en/blog/2025/post-with-faults/index.md'))) {
      await step('post-with-faults: error and warning squiggles', async () => {
        const errors = await wb.waitForSquiggles(page, { severity: 'error', min: 4 });
        const warnings = await wb.waitForSquiggles(page, { severity: 'warning', min: 2 });
        return { errors, warnings };
      });
      await step('post-with-faults: a Problems row for each of its six faults', async () => {
        const rows = await wb.problemRows(page, { min: 7 }); // the file row and six problems
        expectRows(rows, [
          [/^Warning: Duplicate key `keywords`.* at line 7 and character 1\. generated by istio$/, 'frontmatter.duplicate-key'],
          [/^Warning: This tag starts with `\{<` .* at line 15 and character 1\. generated by istio$/, 'shortcode.malformed-delimiter'],
          [/^Error: `tip` needs a closing tag .* at line 23 and character 1\. generated by istio$/, 'shortcode.unclosed'],
          [/^Error: The description must end with .* at line 3 and character 14\. generated by istio$/, 'frontmatter.description-period'],
          [/^Error: Image `missing-diagram\.png` was not found .* at line 19 and character 29\. generated by istio$/, 'image.not-found'],
          [/^Error: An image caption must not end with a period.* at line 19 and character 61\. generated by istio$/, 'image.caption-period'],
        ]);
        return { rows: rows.length, status: await wb.statusProblems(page) };
      });
      await wb.screenshot(page, SHOTS, '2-demo-faults');

      // Completion: the server's shortcode names after `{{< ` (a new last line of the post).
      await step('typing `{{< ` opens the completion widget with the site\'s shortcodes; filtering finds image, text, tabset', async () => {
        await page.keyboard.press('Escape');
        await wb.focusWorkbench(page);
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        // Markdown's auto-closing pairs turn this into `{{< >}}`, as for a user.
        await wb.typeInEditor(page, '{{< ');
        let first;
        try {
          first = await wb.waitForSuggest(page, { timeoutMs: 5000 });
        } catch {
          first = await wb.waitForSuggest(page, { trigger: true, timeoutMs: 10_000 });
        }
        await wb.screenshot(page, SHOTS, '3-demo-completion');
        // The list is virtualized (about 12 rows are rendered): type each name to filter it, then delete it again.
        const shows = (name, timeout) => page.waitForFunction(
          (n) => [...document.querySelectorAll('.editor-widget.suggest-widget.visible .monaco-list-row .label-name')].some((l) => l.textContent.trim() === n),
          name,
          { timeout, polling: 100 },
        ).then(() => true, () => false);
        const found = {};
        for (const name of ['image', 'text', 'tabset']) {
          await page.keyboard.type(name, { delay: 20 });
          // Deleting the previous name back to `{{< ` closes the widget when a Backspace lands before it refilters (a
          // busy machine); Markdown has no quick suggestions, so the author's Ctrl+Space opens it again on the name.
          found[name] = (await shows(name, 5000)) || (await page.keyboard.press('Control+Space'), await shows(name, 10_000));
          for (let i = 0; i < name.length; i++) await page.keyboard.press('Backspace');
        }
        const missing = Object.keys(found).filter((n) => !found[n]);
        if (missing.length) throw new Error(`not offered: ${missing.join(', ')}; first rows: ${JSON.stringify(first)}`);
        return { firstRows: first.slice(0, 6) };
      });
      await page.keyboard.press('Escape');
    }
    // Go to Translation: en hello-mesh -> zh hello-mesh.
    if (await step('open content/en/blog/2025/hello-mesh/index.md', () => wb.quickOpen(page, 'content/en/blog/2025/hello-mesh/index.md'))) {
      await step('"Istio: Go to Translation" opens the zh version', async () => {
        await wb.runCommand(page, 'Istio: Go to Translation', { timeoutMs: 10_000 });
        // A language picker when there is more than one translation; here there is only zh.
        await page.waitForFunction(
          () => [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines')].some((e) => e.textContent.includes('你好，网格')),
          null,
          { timeout: 15_000, polling: 100 },
        );
        await wb.screenshot(page, SHOTS, '4-demo-translation');
        return 'zh editor shows 你好，网格';
      });
    }
    // The preview of the clean demo post: figure, text blocks, tip, and tabs that switch.
    if (await step('open content/en/blog/2025/hello-mesh/index.md again', () => wb.quickOpen(page, 'content/en/blog/2025/hello-mesh/index.md'))) {
      await step('hello-mesh preview: header, figure, tip, text block with a $ prompt, and tabs that switch on click', async () => {
        await wb.runCommand(page, 'Markdown: Open Preview to the Side');
        // .istio-tabs-enabled: the contributed preview script ran and turned the titled sections into tabs.
        const frame = await wb.webviewFrame(page, '.istio-tabset.istio-tabs-enabled');
        const img = frame.locator('figure.istio-figure img');
        await img.evaluate((i) => i.decode());
        const visibleRoute = () => frame.evaluate(() => [...document.querySelectorAll('.istio-tab')]
          .filter((t) => t.offsetParent !== null).map((t) => (/kind: (\w+)/.exec(t.textContent) ?? [])[1]));
        const before = await visibleRoute();
        await frame.getByRole('tab', { name: 'Gateway API' }).click();
        const after = await visibleRoute();
        if (JSON.stringify(before) !== '["VirtualService"]' || JSON.stringify(after) !== '["HTTPRoute"]') {
          throw new Error(`visible tab before/after the click: ${JSON.stringify(before)} / ${JSON.stringify(after)}`);
        }
        const facts = await frame.evaluate(() => ({
          title: document.querySelector('.istio-page-title')?.textContent,
          image: document.querySelector('figure.istio-figure img').naturalWidth,
          caption: document.querySelector('figure.istio-figure figcaption')?.textContent,
          prompt: document.querySelector('.istio-text .istio-prompt')?.textContent,
          tip: !!document.querySelector('.istio-callout-tip'),
        }));
        if (facts.title !== 'Hello, mesh' || facts.image !== 640 || !facts.tip || facts.prompt?.trim() !== '$') throw new Error(JSON.stringify(facts));
        // For the README: the Problems panel hidden, the preview from the figure down.
        await wb.runCommand(page, 'View: Hide Panel');
        await frame.evaluate(() => document.querySelector('figure.istio-figure').scrollIntoView({ block: 'start' }));
        await wb.screenshot(page, SHOTS, '5-demo-preview');
        return facts;
      });
    }
  }

  // 3. a whole new post on the demo site, typed with real keystrokes (test/ui/newPost.mjs)
  if (demoSite) await np.newPostSteps({ page, step, site: demoSite, shots: SHOTS });

  // 4. Translation Status on a copy of the corpus (test/ui/translationStatus.mjs)
  if (sampleTmp) await ts.translationStatusSteps({ page, step, url, site: ts.prepareStatusSite(ROOT, sampleTmp), shots: SHOTS, root: ROOT });

  await browser.close();
  browser = null;
  page = null;

  await step('Ctrl+C (SIGINT to its process group) stops the demo and leaves no process behind', async () => {
    process.kill(-demo.pid, 'SIGINT');
    const exit = await Promise.race([demoExit, sleep(20_000).then(() => null)]);
    if (!exit) throw new Error('npm run demo did not exit within 20 s');
    // npm may exit before its child has finished stopping code-server: wait for the marked processes.
    const deadline = Date.now() + 15_000;
    let left = markedProcesses();
    while (left.length && Date.now() < deadline) {
      await sleep(200);
      left = markedProcesses();
    }
    if (left.length) throw new Error(`left running: ${left.join(', ')}`);
    if (demoSite && fs.existsSync(demoSite)) throw new Error(`${demoSite} was not removed`);
    if (!/stopped; nothing left running/.test(demoOut)) throw new Error(`no clean stop message:\n${demoOut.slice(-800)}`);
    return { exit, marked: 0 };
  });
}

clearTimeout(watchdog);
await cleanup();
finish();
