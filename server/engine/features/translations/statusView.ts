/**
 * How the Translation Status report is grouped, filtered and ordered, and its export as Markdown or CSV. Pure
 * functions of the report's data, so the webview, the export command and the tests apply the same rules:
 * - a page belongs to the section of its first folder: `blog`, `docs`, `news`, anything else is `other`;
 * - pages under `test/` (the site's test pages) and drafts are hidden unless asked for;
 * - languages come by how translated they are, most first, with the open page's language before all.
 */
import type { LanguageStatus, PageSection, TranslationStatusResult } from './types';

export const SECTIONS: readonly PageSection[] = ['blog', 'docs', 'news', 'other'];

/** The section of a page from its path relative to the language folder (`blog/2021/x/index.md` → `blog`). */
export function pageSection(relPath: string): PageSection {
  const first = relPath.slice(0, relPath.indexOf('/') + 1);
  return first === 'blog/' ? 'blog' : first === 'docs/' ? 'docs' : first === 'news/' ? 'news' : 'other';
}

/** Why a page is hidden by default: the site's `test/` pages, and drafts (Hugo does not publish them). */
export function hiddenReason(relPath: string, draft: boolean): 'test' | 'draft' | undefined {
  return relPath.startsWith('test/') ? 'test' : draft ? 'draft' : undefined;
}

/** Share of the source pages a language has, over pages shown by default (0 when it has none of them). */
export function coverage(l: Pick<LanguageStatus, 'translated' | 'missing'>): number {
  const shownMissing = l.missing.filter((m) => m.hidden === undefined).length;
  const total = l.translated + shownMissing;
  return total === 0 ? 0 : l.translated / total;
}

/** Languages most translated first (ties by code), the open page's language before them all. */
export function orderLanguages<L extends Pick<LanguageStatus, 'lang' | 'translated' | 'missing'>>(languages: readonly L[], openLang?: string): L[] {
  const keyed = languages.map((l) => ({ l, c: coverage(l) }));
  keyed.sort((a, b) => {
    if (a.l.lang === openLang) return -1;
    if (b.l.lang === openLang) return 1;
    return b.c - a.c || (a.l.lang < b.l.lang ? -1 : a.l.lang > b.l.lang ? 1 : 0);
  });
  return keyed.map((k) => k.l);
}

/** What the reader chose to see: a text to find in a page's path or title, the sections, and hidden pages or not. */
export interface StatusFilter {
  readonly query?: string;
  readonly sections?: readonly PageSection[];
  readonly showHidden?: boolean;
}

/** Whether an item of the report is shown under `filter` (the same test the webview's script makes). */
export function isShown(item: { readonly path: string; readonly title?: string; readonly section: PageSection; readonly hidden?: string }, filter: StatusFilter = {}): boolean {
  if (item.hidden !== undefined && filter.showHidden !== true) return false;
  if (filter.sections && !filter.sections.includes(item.section)) return false;
  const q = filter.query?.trim().toLowerCase();
  return !q || item.path.toLowerCase().includes(q) || (item.title?.toLowerCase().includes(q) ?? false);
}

/** The items per section, in `SECTIONS` order; empty sections are left out. */
export function bySection<T extends { readonly section: PageSection }>(items: readonly T[]): [PageSection, T[]][] {
  const groups = new Map<PageSection, T[]>(SECTIONS.map((s) => [s, []]));
  for (const i of items) groups.get(i.section)!.push(i);
  return [...groups].filter(([, list]) => list.length > 0);
}

export type ExportFormat = 'markdown' | 'csv';

/**
 * The report as text for a tracking issue: Markdown (a summary table, then per language the stale and missing pages
 * as task lists grouped by section) or CSV (one row per page: language, status, section, path, title). Only the
 * pages `filter` shows, in the report's language order.
 */
export function exportStatus(r: TranslationStatusResult, format: ExportFormat, filter: StatusFilter = {}): string {
  return format === 'csv' ? exportCsv(r, filter) : exportMarkdown(r, filter);
}

function exportMarkdown(r: TranslationStatusResult, filter: StatusFilter): string {
  const cell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
  const lines: string[] = [`# Translation status`, '', `${r.sourcePages} ${r.sourceLang} pages (the source language).`, ''];
  lines.push(`| language | translated | stale | ${SECTIONS.map((s) => `missing ${s}`).join(' | ')} |`, `|---|---|---|${SECTIONS.map(() => '---').join('|')}|`);
  const shown = r.languages.map((l) => ({ l, stale: l.stale.filter((s) => isShown(s, filter)), missing: l.missing.filter((m) => isShown(m, filter)) }));
  for (const { l, stale, missing } of shown) {
    const counts = SECTIONS.map((s) => String(missing.filter((m) => m.section === s).length));
    lines.push(`| ${cell(l.lang)} | ${l.translated} | ${r.git.available ? stale.length : '?'} | ${counts.join(' | ')} |`);
  }
  for (const { l, stale, missing } of shown) {
    lines.push('', `## ${cell(l.lang)}`);
    if (stale.length) {
      lines.push('', `### Stale (${stale.length})`);
      for (const [section, items] of bySection(stale)) {
        lines.push('', `#### ${section} (${items.length})`, '');
        for (const s of items) lines.push(`- [ ] \`${s.path}\`${s.title ? ` ${cell(s.title)}` : ''} (${s.sourceCommits.length} source commits since ${s.translationCommit.date})`);
      }
    }
    lines.push('', `### Missing (${missing.length})`);
    for (const [section, items] of bySection(missing)) {
      lines.push('', `#### ${section} (${items.length})`, '');
      for (const m of items) lines.push(`- [ ] \`${m.path}\`${m.title ? ` ${cell(m.title)}` : ''}${m.draft ? ' (draft)' : ''}`);
    }
  }
  return lines.join('\n') + '\n';
}

function exportCsv(r: TranslationStatusResult, filter: StatusFilter): string {
  // RFC 4180: quote a field holding a comma, quote or line end, doubling its quotes.
  const field = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows: string[][] = [['language', 'status', 'section', 'path', 'title', 'draft', 'source commits since']];
  for (const l of r.languages) {
    for (const s of l.stale) if (isShown(s, filter)) rows.push([l.lang, 'stale', s.section, s.path, s.title ?? '', s.hidden === 'draft' ? 'yes' : '', String(s.sourceCommits.length)]);
    for (const m of l.missing) if (isShown(m, filter)) rows.push([l.lang, 'missing', m.section, m.path, m.title ?? '', m.draft ? 'yes' : '', '']);
  }
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
