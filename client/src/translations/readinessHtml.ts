/**
 * The "language readiness" part of the Translation Status report: per language, whether Hugo's configuration reads
 * its folder, its interface strings, menus, boilerplates and glossary, and the pages that fail the build for want of
 * them. Pure (no `vscode`), like the rest of the report.
 */
import { Commands, type FailingPage, type LanguageReadiness } from '../../../server/protocol';
import type { CommandLink, L10n } from './statusReportHtml';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Untranslated strings lists up to this long are shown unfolded. */
const OPEN_STRINGS = 20;

/** One row per language: the overview at the top of the report. */
export function readinessTable(readiness: readonly LanguageReadiness[], l10n: L10n): string {
  if (readiness.length === 0) return '';
  const rows = readiness
    .map((r) => {
      const config = r.configured === undefined ? '–' : r.configured ? l10n.t('yes') : `<span class="warn">${l10n.t('no')}</span>`;
      const strings = r.strings ? `${r.strings.translated}/${r.strings.total}` : '–';
      const menus = r.menus ? r.menus.map((m) => `${esc(m.menu)} ${m.entries}/${m.sourceEntries}`).join(', ') : '–';
      const boilerplates = `${r.boilerplates.present}/${r.boilerplates.needed}`;
      const glossary = l10n.t('{0} present, {1} used', r.glossary.present, r.glossary.used);
      const failing = r.boilerplates.failing.length + r.glossary.failing.length;
      const fails = failing ? `<span class="warn">${l10n.t('{0} pages fail the build', failing)}</span>` : '';
      return `<tr><th><a href="#ready-${esc(r.lang)}">${esc(r.lang)}</a></th><td>${config}</td><td>${strings}</td><td>${menus}</td><td>${boilerplates}</td><td>${esc(glossary)}</td><td>${fails}</td></tr>`;
    })
    .join('');
  return `<h2 id="readiness">${l10n.t('Language readiness')}</h2>
<p class="note">${l10n.t('What Hugo needs beyond the pages to build each language: the configuration, the interface strings of i18n/, menus, and the boilerplates and glossary entries its pages use.')}</p>
<table><thead><tr><th>${l10n.t('language')}</th><th>${l10n.t('configured')}</th><th>${l10n.t('interface strings')}</th><th>${l10n.t('menus')}</th><th>${l10n.t('boilerplates')}</th><th>${l10n.t('glossary')}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The details of one language: what is missing, and which pages fail the build. */
export function readinessDetails(r: LanguageReadiness, open: (uri: string, text: string) => string, link: CommandLink, l10n: L10n): string {
  const parts: string[] = [`<h3 id="ready-${esc(r.lang)}">${l10n.t('Language readiness')}</h3><ul>`];
  if (r.configured === false) {
    parts.push(`<li class="warn">${l10n.t('Hugo ignores content/{0}/: the configuration has no language for it.', esc(r.lang))} <a href="${esc(link(Commands.startNewLanguage, { lang: r.lang }))}">${esc(l10n.t('Start a New Language…'))}</a></li>`);
  }
  if (r.strings) {
    const file = r.strings.uri ? open(r.strings.uri, `i18n/${esc(r.lang)}`) : `i18n/${esc(r.lang)}`;
    const reasons: Record<string, string> = { missing: l10n.t('missing'), marked: l10n.t('marked TODO'), same: l10n.t('same as the source') };
    const items = r.strings.untranslated.map((u) => `<li><code>${esc(u.id)}</code> <span class="muted">${esc(reasons[u.reason] ?? u.reason)}: ${esc(u.source)}</span></li>`).join('');
    const list = r.strings.untranslated.length ? `<details${r.strings.untranslated.length <= OPEN_STRINGS ? ' open' : ''}><summary>${l10n.t('Untranslated ({0})', r.strings.untranslated.length)}</summary><ul>${items}</ul></details>` : '';
    parts.push(`<li>${l10n.t('Interface strings ({0}): {1} of {2} translated.', file, r.strings.translated, r.strings.total)}${list}</li>`);
  }
  if (r.menus) {
    parts.push(`<li>${l10n.t('Menus: {0}.', r.menus.map((m) => l10n.t('{0}: {1} of the source’s {2} entries', esc(m.menu), m.entries, m.sourceEntries)).join('; '))}</li>`);
  }
  const bp = r.boilerplates;
  parts.push(`<li>${l10n.t('Boilerplates: {0} of {1}.', bp.present, bp.needed)}${bp.missing.length ? ` <span class="muted">${l10n.t('Missing: {0}', bp.missing.map(esc).join(', '))}</span>` : ''}${failingList(bp.failing, open, l10n)}</li>`);
  parts.push(`<li>${l10n.t('Glossary: {0} terms, {1} used by its pages.', r.glossary.present, r.glossary.used)}${failingList(r.glossary.failing, open, l10n)}</li>`);
  parts.push('</ul>');
  return parts.join('\n');
}

function failingList(pages: readonly FailingPage[], open: (uri: string, text: string) => string, l10n: L10n): string {
  if (pages.length === 0) return '';
  const items = pages.map((p) => `<li>${open(p.uri, esc(p.path))} <span class="muted">${p.names.map(esc).join(', ')}</span></li>`).join('');
  return `<br><span class="warn">${l10n.t('These pages fail the build without them ({0}):', pages.length)}</span><ul>${items}</ul>`;
}
