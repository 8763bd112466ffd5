/**
 * The Translation Status report as HTML, per language: stale translations (with a diff of the source since the
 * translation's last commit), missing pages (with a create link), pages without a source. Pure (no `vscode`), so
 * it can be tested and read without an editor; links are command URIs built by `commandLink`, visible text goes through
 * the `l10n` passed in (`vscode.l10n` in the editor: its strings are in l10n/bundle.l10n.<locale>.json).
 */
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
}

/** A `command:` URI with its arguments, as webviews with `enableCommandUris` run them. */
export const commandUri: CommandLink = (command, args) => `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const a = (href: string, text: string, title?: string): string => `<a href="${esc(href)}"${title ? ` title="${esc(title)}"` : ''}>${text}</a>`;

export function renderStatusReport(r: TranslationStatusResult, options: ReportOptions = {}): string {
  const { link = commandUri, cspSource = '', l10n = englishL10n, lang = 'en' } = options;
  const open = (uri: string, text: string): string => a(link(Commands.openTranslation, uri), text);
  const summary = r.languages
    .map((l) => {
      const stale = r.git.available ? l10n.t('{0} stale', l.stale.length) : l10n.t('staleness unknown');
      return `<tr><th><a href="#lang-${esc(l.lang)}">${esc(l.lang)}</a></th><td>${l.translated}</td><td>${esc(stale)}</td><td>${l.missing.length}</td><td>${l.withoutSource.length}</td></tr>`;
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
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${esc(cspSource)};">
<title>${title}</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { text-align: left; padding: .2em .8em .2em 0; vertical-align: top; }
thead th { border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.note { opacity: .8; } .warn { color: var(--vscode-editorWarning-foreground, #b80); }
.muted { opacity: .7; } h2 { margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
details { margin: .3em 0; } code { font-family: var(--vscode-editor-font-family); }
</style></head><body>
<h1>${title}</h1>
<p>${l10n.t('{0} {1} pages (the source language).', r.sourcePages, esc(r.sourceLang))}</p>
<table><thead><tr><th>${l10n.t('language')}</th><th>${l10n.t('translated')}</th><th>${l10n.t('stale')}</th><th>${l10n.t('missing')}</th><th>${l10n.t('without {0} page', esc(r.sourceLang))}</th></tr></thead><tbody>${summary}</tbody></table>
${gitNote}
${readinessTable(readiness, l10n)}
${sections}
</body></html>`;
}

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
        return `<tr><td>${open(s.uri, esc(s.path))}${s.title ? `<br><span class="muted">${esc(s.title)}</span>` : ''}</td>
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
      return `<li>${open(m.sourceUri, esc(m.path))}${m.title ? ` <span class="muted">${esc(m.title)}</span>` : ''}${m.draft ? draft : ''} · ${a(link(Commands.createTranslation, create), createText)}</li>`;
    });
    // Grouped by section (`blog/2021`, `docs/tasks`) so hundreds of missing pages stay readable; small lists open.
    const root = l10n.t('(root)');
    const groups = new Map<string, string[]>();
    l.missing.forEach((m, i) => {
      const key = m.path.split('/').slice(0, -1).slice(0, 2).join('/') || root;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(rows[i]!);
    });
    const unfold = l.missing.length <= OPEN_MISSING ? ' open' : '';
    const body = [...groups].map(([key, items]) => `<details${unfold}><summary>${esc(key)} (${items.length})</summary><ul>${items.join('')}</ul></details>`).join('');
    parts.push(`<h3>${l10n.t('Missing ({0})', l.missing.length)}</h3>${body}`);
  }
  if (l.withoutSource.length) {
    parts.push(
      `<h3>${l10n.t('Without a {0} page ({1})', esc(r.sourceLang), l.withoutSource.length)}</h3><p class="muted">${l10n.t('A different slug, or the source was removed.')}</p><ul>${l.withoutSource.map((w) => `<li>${open(w.uri, esc(w.path))}</li>`).join('')}</ul>`,
    );
  }
  return parts.join('\n');
}
