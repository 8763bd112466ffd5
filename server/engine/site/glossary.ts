import { parseFrontmatter } from '../parser/frontmatter';
import type { SiteIndex } from './siteIndex';

/** One glossary entry: `content/<lang>/docs/reference/glossary/<file>.md` and its `title`. */
export interface GlossaryTerm {
  readonly title: string;
  readonly path: string;
}

/** The glossary bundle of a language (its `index.md` has `layout: glossary`; each term is a sibling `.md`). */
export function glossaryDir(site: SiteIndex, lang: string): string {
  return `${site.layout.contentDir}/${lang}/docs/reference/glossary`;
}

/**
 * The terms of a language's glossary, or `undefined` when that language has no glossary on disk
 * (then nothing can be said about a `gloss`). Titles come from the index's cached page summaries.
 */
export function glossaryTerms(site: SiteIndex, lang: string): GlossaryTerm[] | undefined {
  const dir = glossaryDir(site, lang);
  if (!site.exists(`${dir}/index.md`)) return undefined;
  const out: GlossaryTerm[] = [];
  for (const name of site.filesIn(dir)) {
    if (!name.endsWith('.md') || name === 'index.md' || name === '_index.md') continue;
    const path = `${dir}/${name}`;
    const title = site.summary(path)?.title;
    if (title) out.push({ title, path });
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}

/** The term a `gloss` refers to, matched on the title case-insensitively, as `gloss.html` does. */
export function findGlossaryTerm(terms: readonly GlossaryTerm[], entry: string): GlossaryTerm | undefined {
  const wanted = entry.toUpperCase();
  return terms.find((t) => t.title.toUpperCase() === wanted);
}

/** A term's definition: its Markdown body after the frontmatter. */
export function glossaryDefinition(site: SiteIndex, term: GlossaryTerm): string | undefined {
  const text = site.readText(term.path);
  if (text === undefined) return undefined;
  const fm = parseFrontmatter(text);
  return text.slice(fm ? fm.range.end : 0).trim();
}

/** Where a new term file for `entry` would be created (so a diagnostic can depend on it appearing). */
export function glossaryPathFor(site: SiteIndex, lang: string, entry: string): string {
  return `${glossaryDir(site, lang)}/${entry.trim().toLowerCase().replace(/\s+/g, '-')}.md`;
}
