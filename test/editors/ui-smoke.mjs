#!/usr/bin/env node
// UI smoke test of an installed .vsix in code-server, driven with Playwright
// (playwright-core + Debian Chromium). A skeleton: each flag adds one step;
// the reusable steps live in lib/workbench.mjs.
//
//   node test/editors/ui-smoke.mjs --vsix X.vsix --folder DIR --open FILE \
//     [--quick-open] [--squiggles N] [--problem TEXT]... [--command TITLE] \
//     [--notification TEXT] [--at LINE:COL] [--type TEXT] [--suggest LABEL] \
//     [--screenshots DIR] [--timeout MS]
//
// Prints one line per step and "N passed, N failed"; exits 1 on any failure.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prepareCodeServer } from './lib/code-server.mjs';
import { Steps } from './lib/steps.mjs';
import * as wb from './lib/workbench.mjs';

const { values: o } = parseArgs({
  options: {
    vsix: { type: 'string', multiple: true, default: [] },
    folder: { type: 'string' },
    open: { type: 'string' },
    'quick-open': { type: 'boolean', default: false },
    squiggles: { type: 'string' },
    problem: { type: 'string', multiple: true, default: [] },
    command: { type: 'string' },
    notification: { type: 'string' },
    at: { type: 'string' },
    type: { type: 'string' },
    suggest: { type: 'string' },
    screenshots: { type: 'string', default: 'ui-smoke-screenshots' },
    timeout: { type: 'string', default: '180000' },
  },
});
if (!o.folder) {
  console.error('usage: ui-smoke.mjs --folder DIR [--vsix X.vsix] [--open FILE] …');
  process.exit(2);
}

let page;
let shots = 0;
const steps = new Steps(async (name) => (page ? wb.screenshot(page, o.screenshots, `${String(++shots).padStart(2, '0')}-FAIL-${name}`) : null));
const step = (name, fn) => steps.step(name, fn);
const secs = () => steps.secs();

let cs;
let browser;
let cleaning = null;
const cleanup = () => (cleaning ??= Promise.all([browser?.close().catch(() => {}), cs?.stop().catch(() => {})]));
// `on`, not `once`: a second signal must not cut the cleanup short (cleanup() is idempotent).
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => cleanup().finally(() => process.exit(130)));
const watchdog = setTimeout(() => {
  console.log(`FAIL overall timeout ${o.timeout} ms`);
  cleanup().finally(() => process.exit(124));
}, Number(o.timeout));

try {
  // assign cs before starting it, so that the watchdog's cleanup can stop it
  cs = await prepareCodeServer({ log: (m) => console.log(`     ${m} (+${secs()} s)`) });
  for (const v of o.vsix) await cs.installVsix(v);
  await cs.start();
  browser = await wb.launchBrowser();
  page = browser.page;

  if (await step('workbench opens the folder', () => wb.openWorkbench(page, cs.url, o.folder))) {
    let opened = true;
    if (o.open) {
      opened = await step(`open ${o.open}`, () =>
        o['quick-open'] ? wb.quickOpen(page, o.open) : wb.openFromExplorer(page, o.open));
    }
    if (opened && o.squiggles) {
      await step(`at least ${o.squiggles} squiggles`, () => wb.waitForSquiggles(page, { min: Number(o.squiggles) }));
    }
    if (opened && o.problem.length) {
      await step('Problems panel rows', async () => {
        const rows = await wb.readProblems(page, { min: o.problem.length });
        for (const p of o.problem) {
          if (!rows.some((r) => r.includes(p))) throw new Error(`no row contains ${JSON.stringify(p)}; rows: ${JSON.stringify(rows)}`);
        }
        return { rows, status: await wb.statusProblems(page) };
      });
    }
    await wb.screenshot(page, o.screenshots, `${String(++shots).padStart(2, '0')}-diagnostics`);
    if (o.command) {
      await step(`command "${o.command}"`, async () => {
        await wb.runCommand(page, o.command);
        if (o.notification) await wb.waitForNotification(page, o.notification);
        return o.notification ? await wb.notifications(page) : undefined;
      });
    }
    if (opened && o.type !== undefined) {
      await step(`type ${JSON.stringify(o.type)}${o.suggest ? ` and see "${o.suggest}"` : ''}`, async () => {
        if (o.at) { const [l, c] = o.at.split(':').map(Number); await wb.goTo(page, l, c || 1); }
        await wb.typeInEditor(page, o.type);
        if (!o.suggest) return undefined;
        let labels;
        try {
          labels = await wb.waitForSuggest(page, { timeoutMs: 5000 });
        } catch {
          labels = await wb.waitForSuggest(page, { trigger: true });
        }
        if (!labels.includes(o.suggest)) throw new Error(`suggestions: ${JSON.stringify(labels)}`);
        return labels;
      });
      await wb.screenshot(page, o.screenshots, `${String(++shots).padStart(2, '0')}-suggest`);
    }
  }
} catch (e) {
  steps.fail(`setup: ${e.stack || e}`);
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
console.log(`screenshots in ${path.resolve(o.screenshots)}; total ${secs()} s`);
console.log(steps.summary());
process.exit(steps.failed ? 1 : 0);
