/**
 * The Translation Status report as HTML, per language: stale translations (with a diff of the source since the
 * translation's last commit), missing pages (with a create link), pages without a source. Pure (no `vscode`), so
 * it can be tested and read without an editor; links are command URIs built by `commandLink`.
 */
import type { LanguageStatus, TranslationStatusResult } from '../../../shared/protocol';
import { TranslationCommands, type CreateTranslationArgs, type DiffSourceArgs } from './commandIds';

/** Missing lists up to this long are shown unfolded. */
const OPEN_MISSING = 40;

export type CommandLink = (command: string, args: unknown) => string;

/** A `command:` URI with its arguments, as webviews with `enableCommandUris` run them. */
export const commandUri: CommandLink = (command, args) => `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const a = (href: string, text: string, title?: string): string => `<a href="${esc(href)}"${title ? ` title="${esc(title)}"` : ''}>${text}</a>`;

export function renderStatusReport(r: TranslationStatusResult, link: CommandLink = commandUri, cspSource = ''): string {
  const open = (uri: string, text: string): string => a(link(TranslationCommands.open, uri), text);
  const summary = r.languages
    .map((l) => {
      const stale = r.git.available ? `${l.stale.length} stale` : 'staleness unknown';
      return `<tr><th><a href="#lang-${esc(l.lang)}">${esc(l.lang)}</a></th><td>${l.translated}</td><td>${stale}</td><td>${l.missing.length}</td><td>${l.withoutSource.length}</td></tr>`;
    })
    .join('');
  const gitNote = r.git.available
    ? `<p class="note">Stale = the ${esc(r.sourceLang)} page changed after the translation's last commit (as <code>scripts/lsync.sh</code> decides it), compared at HEAD <code>${esc(r.git.head.slice(0, 10))}</code>. Uncommitted edits are not counted.</p>`
    : `<p class="warn">The stale column is empty: ${esc(r.git.reason)} Staleness is read from git history (the translation's last commit vs. the source's commits since), so without it only missing pages are listed.</p>`;

  const sections = r.languages.map((l) => languageSection(r, l, open, link)).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline' ${esc(cspSource)};">
<title>Translation Status</title>
<style>
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
table { border-collapse: collapse; margin: .5em 0 1em; }
th, td { text-align: left; padding: .2em .8em .2em 0; vertical-align: top; }
thead th { border-bottom: 1px solid var(--vscode-panel-border, #8884); }
.note { opacity: .8; } .warn { color: var(--vscode-editorWarning-foreground, #b80); }
.muted { opacity: .7; } h2 { margin-top: 1.6em; border-bottom: 1px solid var(--vscode-panel-border, #8884); }
details { margin: .3em 0; } code { font-family: var(--vscode-editor-font-family); }
</style></head><body>
<h1>Translation Status</h1>
<p>${r.sourcePages} ${esc(r.sourceLang)} pages (the source language).</p>
<table><thead><tr><th>language</th><th>translated</th><th>stale</th><th>missing</th><th>without ${esc(r.sourceLang)} page</th></tr></thead><tbody>${summary}</tbody></table>
${gitNote}
${sections}
</body></html>`;
}

function languageSection(r: TranslationStatusResult, l: LanguageStatus, open: (uri: string, text: string) => string, link: CommandLink): string {
  const parts: string[] = [`<h2 id="lang-${esc(l.lang)}">${esc(l.lang)}</h2>`];
  if (r.git.available) {
    if (l.stale.length === 0) parts.push(`<p>No stale translation (${l.upToDate} up to date).</p>`);
    else {
      const rows = l.stale.map((s) => {
        const diff: DiffSourceArgs = { sourceUri: s.sourceUri, commit: s.translationCommit.hash, title: `${s.path} (${r.sourceLang}): since ${s.translationCommit.date}` };
        const commits = s.sourceCommits.map((c) => `<li><code>${esc(c.hash.slice(0, 8))}</code> ${esc(c.date)} ${esc(c.subject)}</li>`).join('');
        return `<tr><td>${open(s.uri, esc(s.path))}${s.title ? `<br><span class="muted">${esc(s.title)}</span>` : ''}</td>
<td>${esc(s.translationCommit.date)} <code>${esc(s.translationCommit.hash.slice(0, 8))}</code></td>
<td><details><summary>${s.sourceCommits.length} commit${s.sourceCommits.length === 1 ? '' : 's'}</summary><ul>${commits}</ul></details></td>
<td>${a(link(TranslationCommands.diffSource, diff), 'show changes', 'Diff of the source since the translation was last committed')} · ${open(s.sourceUri, esc(r.sourceLang))}</td></tr>`;
      });
      parts.push(
        `<h3>Stale (${l.stale.length}) <span class="muted">· ${l.upToDate} up to date</span></h3><table><thead><tr><th>translation</th><th>last translated</th><th>source changes since</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`,
      );
    }
    if (l.uncommitted.length) parts.push(`<p class="muted">Not committed yet (no history to compare): ${l.uncommitted.map(esc).join(', ')}</p>`);
  }
  if (l.missing.length === 0) parts.push('<p>Nothing missing.</p>');
  else {
    const rows = l.missing.map((m) => {
      const create: CreateTranslationArgs = { uri: m.sourceUri, lang: l.lang };
      return `<li>${open(m.sourceUri, esc(m.path))}${m.title ? ` <span class="muted">${esc(m.title)}</span>` : ''}${m.draft ? ' <em>(draft)</em>' : ''} · ${a(link(TranslationCommands.createTranslation, create), 'create')}</li>`;
    });
    // Grouped by section (`blog/2021`, `docs/tasks`) so hundreds of missing pages stay readable; small lists open.
    const groups = new Map<string, string[]>();
    l.missing.forEach((m, i) => {
      const key = m.path.split('/').slice(0, -1).slice(0, 2).join('/') || '(root)';
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(rows[i]!);
    });
    const unfold = l.missing.length <= OPEN_MISSING ? ' open' : '';
    const body = [...groups].map(([key, items]) => `<details${unfold}><summary>${esc(key)} (${items.length})</summary><ul>${items.join('')}</ul></details>`).join('');
    parts.push(`<h3>Missing (${l.missing.length})</h3>${body}`);
  }
  if (l.withoutSource.length) {
    parts.push(
      `<h3>Without a ${esc(r.sourceLang)} page (${l.withoutSource.length})</h3><p class="muted">A different slug, or the source was removed.</p><ul>${l.withoutSource.map((w) => `<li>${open(w.uri, esc(w.path))}</li>`).join('')}</ul>`,
    );
  }
  return parts.join('\n');
}
