// Reusable Playwright helpers for driving the code-server workbench in
// headless Debian Chromium (playwright-core: it downloads no browser).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Launch Chromium with a fresh profile. launchPersistentContext is needed
 * because chromium.launch() refuses a raw --user-data-dir.
 * Returns { context, page, close() }; close() also removes the profile.
 */
export async function launchBrowser({ viewport = { width: 1400, height: 900 }, timeoutMs = 30_000, onConsole } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing: run scripts/install-editor-tools.sh`);
  const profile = await fsp.mkdtemp(path.join(os.tmpdir(), 'chromium-test-'));
  const scratch = path.join(profile, '.scratch');
  await fsp.mkdir(scratch);
  const context = await chromium.launchPersistentContext(path.join(profile, 'profile'), {
    // keep dconf/fontconfig caches and temp files out of $HOME and /tmp
    env: { ...process.env, XDG_CACHE_HOME: scratch, XDG_CONFIG_HOME: scratch, TMPDIR: scratch },
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    timeout: timeoutMs,
    // Playwright's own handlers would kill the browser and exit the process
    // before our cleanup (code-server, temp dirs) runs.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  const page = context.pages()[0] || (await context.newPage());
  if (onConsole) page.on('console', onConsole);
  let closing = null;
  const doClose = async () => {
    await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    // context.close() kills the browser; make sure, then remove the profile.
    const proc = context.browser()?.process?.() ?? null;
    if (proc?.pid && proc.exitCode === null) { try { process.kill(proc.pid, 'SIGKILL'); } catch {} }
    await fsp.rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 }).catch(() => {});
  };
  return {
    context,
    page,
    /** Idempotent: every caller waits for the same close. */
    close() {
      closing ??= doClose();
      return closing;
    },
  };
}

/** Open the workbench on a folder and wait until the explorer shows it. */
export async function openWorkbench(page, baseUrl, folder, { timeoutMs = 60_000 } = {}) {
  const url = `${baseUrl.replace(/\/$/, '')}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  await page.goto(url, { timeout: timeoutMs });
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wait until the editor tab `name` is the active one. */
export async function waitForActiveTab(page, name, { timeoutMs = 20_000 } = {}) {
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: timeoutMs });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: timeoutMs });
}

/** Click a top-level entry of the explorer (use quickOpen for nested files). */
export async function openFromExplorer(page, name, { timeoutMs = 20_000 } = {}) {
  const row = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: new RegExp(`^\\s*${escapeRe(name)}\\s*$`) });
  await row.first().click({ timeout: timeoutMs });
  await waitForActiveTab(page, name, { timeoutMs });
}

/** Ctrl+P, type a (relative) path, Enter. `onEnter` is called just before Enter (a test's clock for "opened"). */
export async function quickOpen(page, relPath, { timeoutMs = 20_000, onEnter } = {}) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(relPath);
  const base = path.basename(relPath);
  const dir = path.dirname(relPath);
  // Wait until the filtered list's focused row is this file (its folder shows as the row's description):
  // before the filter applies, the focused row is the most recently opened file, often another index.md.
  const row = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: base });
  await (dir === '.' ? row : row.filter({ hasText: dir })).first().waitFor({ timeout: timeoutMs });
  onEnter?.();
  await page.keyboard.press('Enter');
  await waitForActiveTab(page, base, { timeoutMs });
  if (dir !== '.') {
    // Tabs of same-named files (index.md) differ only in their path: check the breadcrumbs.
    await page.locator('.title .breadcrumbs-control', { hasText: path.basename(dir) }).first().waitFor({ timeout: timeoutMs });
  }
}

/** Give keyboard focus to the workbench (not the address bar / body). */
export async function focusWorkbench(page) {
  const ed = page.locator('.editor-instance .monaco-editor textarea, .editor-instance .monaco-editor .native-edit-context').first();
  if (await ed.count()) await ed.focus().catch(() => {});
  else await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } }).catch(() => {});
}

/**
 * Wait for squiggles in the visible editor. severity: 'error' | 'warning' |
 * 'info' | 'any'. Resolves with their count once at least `min` are present.
 */
export async function waitForSquiggles(page, { severity = 'any', min = 1, timeoutMs = 30_000 } = {}) {
  const sel = severity === 'any'
    ? '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info'
    : `.monaco-editor .squiggly-${severity}`;
  await page.waitForFunction(
    ([s, n]) => document.querySelectorAll(s).length >= n,
    [sel, min],
    { timeout: timeoutMs, polling: 100 },
  );
  return page.locator(sel).count();
}

/** Run a command by its palette title: F1, type, wait for the row, Enter. */
export async function runCommand(page, title, { timeoutMs = 20_000 } = {}) {
  await focusWorkbench(page);
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Open (focus) the Problems panel and return its rows' texts. */
export async function readProblems(page, { min = 1, timeoutMs = 20_000 } = {}) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+Shift+M');
  }
  const rows = page.locator('.markers-panel .monaco-list-row');
  await page.waitForFunction(
    (n) => document.querySelectorAll('.markers-panel .monaco-list-row').length >= n,
    min,
    { timeout: timeoutMs, polling: 100 },
  );
  return rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') || e.textContent || '').trim()));
}

/** The rows of the Problems panel as { label (aria-label, read out), text (shown: message, source(code), position) }. */
export async function problemRows(page, { min = 1, timeoutMs = 20_000 } = {}) {
  await readProblems(page, { min, timeoutMs });
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({ label: (e.getAttribute('aria-label') || '').trim(), text: (e.textContent || '').trim() })));
}

/** aria-label of the status-bar problems item, e.g. "Warnings: 2". */
export async function statusProblems(page) {
  return page.locator('[id="status.problems"]').first().getAttribute('aria-label');
}

/** Texts of the notification toasts currently shown. */
export async function notifications(page) {
  return page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
}

/** Wait for a notification toast containing `text`. */
export async function waitForNotification(page, text, { timeoutMs = 20_000 } = {}) {
  await page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first().waitFor({ timeout: timeoutMs });
}

/** Move the cursor to 1-based line:col with Ctrl+G. */
export async function goTo(page, line, col = 1, { timeoutMs = 10_000 } = {}) {
  await focusWorkbench(page);
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/** Type text into the focused editor. */
export async function typeInEditor(page, text, { delay = 20 } = {}) {
  await focusWorkbench(page);
  await page.keyboard.type(text, { delay });
}

/**
 * Wait for the suggest widget (opening it with Ctrl+Space if `trigger`), and
 * return the labels of its visible rows.
 */
export async function waitForSuggest(page, { trigger = false, min = 1, timeoutMs = 20_000 } = {}) {
  if (trigger) await page.keyboard.press('Control+Space');
  const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  await page.waitForFunction(
    (n) => document.querySelectorAll('.editor-widget.suggest-widget.visible .monaco-list-row').length >= n,
    min,
    { timeout: timeoutMs, polling: 100 },
  );
  return rows.evaluateAll((els) => els.map((e) => {
    const l = e.querySelector('.label-name');
    return (l ? l.textContent : e.getAttribute('aria-label') || '').trim();
  }));
}

/** Save a full-page screenshot as <dir>/<name>.png; returns the path. */
export async function screenshot(page, dir, name) {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Hand files to the active editor as the OS would: `how` = 'drop' (drag with Shift held, dropped into the lower part
 * of the editor) or 'paste' (a paste event on the focused editor). `files`: [{ name, type, base64 }].
 * Resolves once the events are dispatched; wait for their effect on the text.
 */
export async function giveFiles(page, how, files) {
  await focusWorkbench(page);
  await page.evaluate(async ([how, files]) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    if (how === 'paste') {
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      return;
    }
    const rect = document.querySelector('.editor-instance .monaco-editor').getBoundingClientRect();
    const x = rect.left + 200;
    const y = rect.top + rect.height * 0.9;
    // The workbench decides on dragenter/dragover whether the editor takes the drop (Shift: into the text).
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.elementFromPoint(x, y).dispatchEvent(new DragEvent(type, { dataTransfer: dt, clientX: x, clientY: y, bubbles: true, cancelable: true, shiftKey: true }));
    }
  }, [how, files]);
}

/** Wait until a line of the active editor's visible text equals `text`. */
export async function waitForEditorLine(page, text, { timeoutMs = 20_000 } = {}) {
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')].some((l) => l.textContent.replace(/\u00a0/g, ' ') === t),
    text,
    { timeout: timeoutMs, polling: 100 },
  );
}

/**
 * The frame of a webview (the Markdown preview is one: an iframe inside an iframe) whose document holds
 * `selector`. Polls the page's frames, since a webview's inner frame is replaced while it loads.
 */
export async function webviewFrame(page, selector, { timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no webview frame shows ${selector} within ${timeoutMs} ms`);
}

/**
 * With the suggest widget open (it must open on its own: nothing here invokes it), focus the row whose label is
 * `label` (Down, as a user would) and accept it with Enter. Resolves with how many rows were skipped.
 */
export async function acceptSuggestion(page, label, { timeoutMs = 10_000 } = {}) {
  const rowsSel = '.editor-widget.suggest-widget.visible .monaco-list-row';
  await page.waitForFunction(
    ([sel, l]) => [...document.querySelectorAll(`${sel} .label-name`)].some((e) => e.textContent.trim() === l),
    [rowsSel, label],
    { timeout: timeoutMs, polling: 50 },
  ).catch(async () => {
    const shown = await page.locator(`${rowsSel} .label-name`).allTextContents().catch(() => []);
    throw new Error(`no suggestion ${JSON.stringify(label)} within ${timeoutMs} ms; shown: ${JSON.stringify(shown.map((s) => s.trim()))}`);
  });
  for (let skipped = 0; skipped < 40; skipped++) {
    const focused = (await page.locator(`${rowsSel}.focused .label-name`).first().textContent({ timeout: 2000 }).catch(() => ''))?.trim();
    if (focused === label) {
      await page.keyboard.press('Enter');
      return skipped;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not focus the suggestion ${JSON.stringify(label)}`);
}

/** The value of the quick input's text box once it equals `value` (an input box opened with a proposed value). */
export async function waitForInputValue(page, value, { timeoutMs = 10_000 } = {}) {
  await page.waitForFunction(
    (v) => { const i = document.querySelector('.quick-input-widget input'); return !!i && i.offsetParent !== null && i.value === v; },
    value,
    { timeout: timeoutMs, polling: 50 },
  );
}
