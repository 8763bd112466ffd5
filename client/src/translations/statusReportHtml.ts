/**
 * The Translation Status report as HTML, per language: stale translations (with a diff of the source since the
 * translation's last commit), missing pages (with a create link), pages without a source. Pure (no `vscode`), so
 * it can be tested and read without an editor; links are command URIs built by `commandLink`, visible text goes through
 * the `l10n` passed in (`vscode.l10n` in the editor: its strings are in l10n/bundle.l10n.<locale>.json).
 */
import { SECTIONS, type PageSection } from '../../../server/engine';
import { Commands, type GitUnavailableCode, type LanguageStatus, type TranslationStatusResult } from '../../../server/protocol';
import type { CreateTranslationArgs, DiffSourceArgs } from './commandIds';
import { readinessDetails, readinessTable } from './readinessHtml';

/** Missing lists up to this long are shown unfolded. */
const OPEN_MISSING = 40;

export type CommandLink = (command: string, args: unknown) => string;

/** The part of `vscode.l10n` the report uses: `t('English text with {0}', arg)` returns the translated text. */
export interface L10n {
  t(message: string, ...args: Array<string | number>): string;
}

/** The English text with its `{n}` slots filled, as `vscode.l10n.t` does without a bundle. */
export const englishL10n: L10n = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (slot, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : slot)),
};

export interface ReportOptions {
  readonly link?: CommandLink;
  /** The webview's `cspSource`, allowed for styles. */
  readonly cspSource?: string;
  readonly l10n?: L10n;
  /** The `lang` of the page: the display language (`vscode.env.language`). */
  readonly lang?: string;
  /** The nonce of the page's one script (filter box, section and hidden toggles, export buttons); none: no script. */
  readonly nonce?: string;
}

/** A `command:` URI with its arguments, as webviews with `enableCommandUris` run them. */
export const commandUri: CommandLink = (command, args) => `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const a = (href: string, text: string, title?: string): string => `<a href="${esc(href)}"${title ? ` title="${esc(title)}"` : ''}>${text}</a>`;

/** The data the page's script filters by: section, why hidden (test page, draft), and the text the filter box finds. */
function itemAttrs(item: { readonly path: string; readonly title?: string; readonly section: PageSection; readonly hidden?: string }, missingOf?: string): string {
  const text = `${item.path} ${item.title ?? ''}`.toLowerCase();
  const missing = missingOf !== undefined ? ` data-missing="${esc(missingOf)}"` : '';
  return ` class="item" data-section="${item.section}"${missing} data-text="${esc(text)}"${item.hidden ? ` data-hidden="${esc(item.hidden)}" hidden` : ''}`;
}

const shown = (items: readonly { readonly hidden?: string }[]): number => items.filter((i) => i.hidden === undefined).length;

export function renderStatusReport(r: TranslationStatusResult, options: ReportOptions = {}): string {
  const { link = commandUri, cspSource = '', l10n = englishL10n, lang = 'en', nonce } = options;
  const open = (uri: string, text: string): string => a(link(Commands.openTranslation, uri), text);
  const summary = r.languages
    .map((l) => {
      const stale = r.git.available ? l10n.t('{0} stale', l.stale.length) : l10n.t('staleness unknown');
      const bySection = SECTIONS.map((s) => `<td data-count="${esc(l.lang)} ${s}">${shown(l.missing.filter((m) => m.section === s))}</td>`).join('');
      return `<tr><th><a href="#lang-${esc(l.lang)}">${esc(l.lang)}</a></th><td>${l.translated}</td><td>${esc(stale)}</td><td data-count="${esc(l.lang)}">${shown(l.missing)}</td><td>${l.withoutSource.length}</td>${bySection}</tr>`;
    })
    .join('');
  // The translated templates are plain text (test/unit/client/statusReportHtml.test.ts checks the bundles); the
  // values put into their slots are escaped here.
  const gitNote = r.git.available
    ? `<p class="note">${l10n.t(
        'Stale = the {0} page changed after the translation’s last commit (as {1} decides it), compared at HEAD {2}. Uncommitted edits are not counted.',
        esc(r.sourceLang),
        '<code>scripts/lsync.sh</code>',
        `<code>${esc(r.git.head.slice(0, 10))}</code>`,
      )}</p>`
    : `<p class="warn">${l10n.t(
        'The stale column is empty: {0} Staleness is read from git history (the translation’s last commit vs. the source’s commits since), so without it only missing pages are listed.',
        esc(gitReason(r.git, l10n)),
      )}</p>`;

  const readiness = r.readiness ?? [];
  const readinessOf = (lang: string): string => {
    const ready = readiness.find((x) => x.lang === lang);
    return ready ? '\n' + readinessDetails(ready, open, link, l10n) : '';
  };
  // A language the configuration names but that has no folder yet has no section of its own: one for its readiness.
  const withoutSection = readiness.filter((x) => !r.languages.some((l) => l.lang === x.lang));
  const sections = [
    ...r.languages.map((l) => languageSection(r, l, open, link, l10n) + readinessOf(l.lang)),
    ...withoutSection.map((x) => `<h2 id="lang-${esc(x.lang)}">${esc(x.lang)}</h2>\n${readinessDetails(x, open, link, l10n)}`),
  ].join('\n');
  const title = esc(l10n.t('Translation Status'));
  return `<!DOCTYPE html>
<html lang="${esc(lang)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${esc(cspSource)};${nonce ? ` script-src 'nonce-${esc(nonce)}';` : ''}">
<title>${title}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { text-align: left; padding: .2em .8em .2em 0; vertical-align: top; }
thead th { border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.note { opacity: .8; } .warn { color: var(--vscode-editorWarning-foreground, #b80); }
.muted { opacity: .7; } h2 { margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
details { margin: .3em 0; } code { font-family: var(--vscode-editor-font-family); }
.toolbar { display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: center; margin: .6em 0; }
.toolbar input[type=search] { min-width: 16em; color: var(--vscode-input-foreground); background: var(--vscode-input-background); border: 1px solid var(--vscode-input-border, #8886); padding: .2em .4em; }
.toolbar button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: .25em .7em; cursor: pointer; }
[hidden] { display: none !important; } details.section > details { margin-left: 1.2em; }
</style></head><body>
<h1>${title}</h1>
<p>${l10n.t('{0} {1} pages (the source language).', r.sourcePages, esc(r.sourceLang))}</p>
${toolbar(r, l10n, nonce !== undefined)}
<table id="summary"><thead><tr><th>${l10n.t('language')}</th><th>${l10n.t('translated')}</th><th>${l10n.t('stale')}</th><th>${l10n.t('missing')}</th><th>${l10n.t('without {0} page', esc(r.sourceLang))}</th>${SECTIONS.map((s) => `<th>${l10n.t('missing in {0}', s)}</th>`).join('')}</tr></thead><tbody>${summary}</tbody></table>
${gitNote}
${readinessTable(readiness, l10n)}
${sections}
${nonce ? `<script nonce="${esc(nonce)}">${SCRIPT}</script>` : ''}
</body></html>`;
}

/**
 * The filter box, one toggle per section with its count, the toggle for hidden pages (under `test/`, drafts) and the
 * export buttons. Without a script (no nonce) the page shows the default view and no controls.
 */
function toolbar(r: TranslationStatusResult, l10n: L10n, scripted: boolean): string {
  if (!scripted) return '';
  const items = r.languages.flatMap((l) => [...l.missing, ...l.stale]);
  const sections = SECTIONS.map((s) => {
    const n = shown(items.filter((i) => i.section === s));
    return `<label><input type="checkbox" class="section-toggle" value="${s}" checked> ${s} (<span data-count="${s}">${n}</span>)</label>`;
  }).join('');
  const hidden = items.length - shown(items);
  return `<div class="toolbar" id="toolbar">
<input type="search" id="filter" placeholder="${esc(l10n.t('Filter by path or title'))}" aria-label="${esc(l10n.t('Filter by path or title'))}">
<span id="sections">${sections}</span>
<label><input type="checkbox" id="show-hidden"> ${l10n.t('Show test pages and drafts ({0})', hidden)}</label>
<button type="button" data-export="markdown">${l10n.t('Export as Markdown')}</button>
<button type="button" data-export="csv">${l10n.t('Export as CSV')}</button>
</div>`;
}

/**
 * The page's script: applies the filter box and the toggles to every item (the rule of `isShown` in the engine's
 * statusView.ts), updates the counts and the groups, and asks the extension for an export with the same filter.
 */
const SCRIPT = `(() => {
const vscode = acquireVsCodeApi();
const q = document.getElementById('filter');
const showHidden = document.getElementById('show-hidden');
const toggles = [...document.querySelectorAll('.section-toggle')];
const state = () => ({ query: q.value, sections: toggles.filter((t) => t.checked).map((t) => t.value), showHidden: showHidden.checked });
function apply() {
  const f = state();
  const text = f.query.trim().toLowerCase();
  const counts = new Map();
  const add = (k) => counts.set(k, (counts.get(k) || 0) + 1);
  for (const el of document.querySelectorAll('.item')) {
    const passes = (!el.dataset.hidden || f.showHidden) && (!text || el.dataset.text.includes(text));
    const on = passes && f.sections.includes(el.dataset.section);
    el.hidden = !on;
    if (passes) add(el.dataset.section);
    if (on && el.dataset.missing) { add(el.dataset.missing); add(el.dataset.missing + ' ' + el.dataset.section); }
  }
  for (const el of document.querySelectorAll('[data-count]')) el.textContent = String(counts.get(el.dataset.count) || 0);
  for (const d of document.querySelectorAll('details.group')) {
    const n = d.querySelectorAll('.item:not([hidden])').length;
    d.hidden = n === 0;
    const c = d.querySelector(':scope > summary [data-group-count]');
    if (c) c.textContent = String(n);
  }
  vscode.setState(f);
}
const saved = vscode.getState();
if (saved) { q.value = saved.query || ''; showHidden.checked = !!saved.showHidden; for (const t of toggles) t.checked = !saved.sections || saved.sections.includes(t.value); }
q.addEventListener('input', apply);
for (const t of [showHidden, ...toggles]) t.addEventListener('change', apply);
for (const b of document.querySelectorAll('[data-export]')) b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.dataset.export, filter: state() }));
apply();
})();`;

/** Why git could not be read: in the display language for the server's known codes (its `reason` is English). */
function gitReason(git: { readonly reason: string; readonly code?: GitUnavailableCode }, l10n: L10n): string {
  switch (git.code) {
    case 'untrusted':
      return l10n.t('the workspace is not trusted, and git can run commands named in a repository’s own configuration, so it was not run. Trust the workspace to see stale translations.');
    case 'no-git':
      return l10n.t('git is not installed (or not on the PATH).');
    case 'dubious-ownership':
      return l10n.t('git refuses to read the repository (dubious ownership: see `git config --global safe.directory`).');
    case 'not-a-repository':
      return l10n.t('the site is not inside a git repository.');
    case 'no-commits':
      return l10n.t('the git repository has no commits yet.');
    default:
      return git.reason;
  }
}

function languageSection(r: TranslationStatusResult, l: LanguageStatus, open: (uri: string, text: string) => string, link: CommandLink, l10n: L10n): string {
  const parts: string[] = [`<h2 id="lang-${esc(l.lang)}">${esc(l.lang)}</h2>`];
  if (r.git.available) {
    if (l.stale.length === 0) parts.push(`<p>${l10n.t('No stale translation ({0} up to date).', l.upToDate)}</p>`);
    else {
      const rows = l.stale.map((s) => {
        const diff: DiffSourceArgs = { sourceUri: s.sourceUri, commit: s.translationCommit.hash, title: l10n.t('{0} ({1}): since {2}', s.path, r.sourceLang, s.translationCommit.date) };
        const commits = s.sourceCommits.map((c) => `<li><code>${esc(c.hash.slice(0, 8))}</code> ${esc(c.date)} ${esc(c.subject)}</li>`).join('');
        const count = s.sourceCommits.length === 1 ? l10n.t('1 commit') : l10n.t('{0} commits', s.sourceCommits.length);
        return `<tr${itemAttrs(s)}><td>${open(s.uri, esc(s.path))}${s.title ? `<br><span class="muted">${esc(s.title)}</span>` : ''}</td>
<td>${esc(s.translationCommit.date)} <code>${esc(s.translationCommit.hash.slice(0, 8))}</code></td>
<td><details><summary>${count}</summary><ul>${commits}</ul></details></td>
<td>${a(link(Commands.diffSource, diff), esc(l10n.t('show changes')), l10n.t('Diff of the source since the translation was last committed'))} · ${open(s.sourceUri, esc(r.sourceLang))}</td></tr>`;
      });
      parts.push(
        `<h3>${l10n.t('Stale ({0})', l.stale.length)} <span class="muted">· ${l10n.t('{0} up to date', l.upToDate)}</span></h3><table><thead><tr><th>${l10n.t('translation')}</th><th>${l10n.t('last translated')}</th><th>${l10n.t('source changes since')}</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
      );
    }
    if (l.uncommitted.length) parts.push(`<p class="muted">${l10n.t('Not committed yet (no history to compare): {0}', l.uncommitted.map(esc).join(', '))}</p>`);
  }
  if (l.missing.length === 0) parts.push(`<p>${l10n.t('Nothing missing.')}</p>`);
  else {
    const draft = ` <em>${l10n.t('(draft)')}</em>`;
    const createText = esc(l10n.t('create'));
    const rows = l.missing.map((m) => {
      const create: CreateTranslationArgs = { uri: m.sourceUri, lang: l.lang };
      const testPage = m.hidden === 'test' ? ` <em>${l10n.t('(test page)')}</em>` : '';
      return `<li${itemAttrs(m, l.lang)}>${open(m.sourceUri, esc(m.path))}${m.title ? ` <span class="muted">${esc(m.title)}</span>` : ''}${m.draft ? draft : ''}${testPage} · ${a(link(Commands.createTranslation, create), createText)}</li>`;
    });
    // Grouped by section (blog, docs, news, other), then by folder (`blog/2021`, `docs/tasks`), so hundreds of
    // missing pages stay readable; small lists open. Groups of only hidden pages start hidden.
    const root = l10n.t('(root)');
    const unfold = shown(l.missing) <= OPEN_MISSING ? ' open' : '';
    const body = SECTIONS.map((section) => {
      const inSection = l.missing.map((m, i) => ({ m, row: rows[i]! })).filter((x) => x.m.section === section);
      if (inSection.length === 0) return '';
      const groups = new Map<string, { rows: string[]; shown: number }>();
      for (const { m, row } of inSection) {
        const key = m.path.split('/').slice(0, -1).slice(0, 2).join('/') || root;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { rows: [], shown: 0 }));
        g.rows.push(row);
        if (m.hidden === undefined) g.shown++;
      }
      const folders = [...groups].map(([key, g]) => `<details class="group"${unfold}${g.shown ? '' : ' hidden'}><summary>${esc(key)} (<span data-group-count>${g.shown}</span>)</summary><ul>${g.rows.join('')}</ul></details>`).join('');
      const n = shown(inSection.map((x) => x.m));
      return `<details class="group section" open${n ? '' : ' hidden'}><summary><strong>${section}</strong> (<span data-group-count>${n}</span>)</summary>${folders}</details>`;
    }).join('');
    // The count carries the language's `data-count`, so the filter box and the toggles update it with the summary's.
    parts.push(`<h3>${l10n.t('Missing ({0})', `<span data-count="${esc(l.lang)}">${shown(l.missing)}</span>`)}</h3>${body}`);
  }
  if (l.withoutSource.length) {
    parts.push(
      `<h3>${l10n.t('Without a {0} page ({1})', esc(r.sourceLang), l.withoutSource.length)}</h3><p class="muted">${l10n.t('A different slug, or the source was removed.')}</p><ul>${l.withoutSource.map((w) => `<li>${open(w.uri, esc(w.path))}</li>`).join('')}</ul>`,
    );
  }
  return parts.join('\n');
}
