import { cacheKey } from '../caches';
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

/** A language's terms as last listed, with what they were listed from. */
interface ListedTerms {
  /** The index's revision then: a file event in the site since makes the list stale. */
  readonly revision: number;
  /** The term files (the glossary's `.md` siblings) and the editor texts they had: an edit in one makes it stale. */
  readonly files: readonly { readonly path: string; readonly open: string | undefined }[];
  readonly terms: readonly GlossaryTerm[] | undefined;
}

const GLOSSARY_TERMS = cacheKey<Map<string, ListedTerms>>('glossary terms');

/**
 * The terms of a language's glossary, or `undefined` when that language has no glossary on disk
 * (then nothing can be said about a `gloss`). Titles come from the index's cached page summaries.
 *
 * Once the site is indexed, kept per language until a file event in the site or an edit of a term file in an editor:
 * every check of a page with a `gloss` asks, and listing the terms again (a `stat` of each of istio.io's 61 term files
 * to validate its summary) was a third of a keystroke's check in such a page. A term file changed on disk reaches it
 * through its file event, as it reaches the index's listing of the glossary. An index that is not kept current by
 * events (the preview's, never scanned) lists the terms at each call.
 */
export function glossaryTerms(site: SiteIndex, lang: string): readonly GlossaryTerm[] | undefined {
  const cache = site.caches.get(GLOSSARY_TERMS, () => new Map<string, ListedTerms>());
  const listed = cache.get(lang);
  if (listed && site.state === 'ready' && listed.revision === site.revision && listed.files.every((f) => site.openTextOf(f.path) === f.open)) return listed.terms;
  const dir = glossaryDir(site, lang);
  const revision = site.revision;
  const files: { path: string; open: string | undefined }[] = [];
  let terms: GlossaryTerm[] | undefined;
  if (site.exists(`${dir}/index.md`)) {
    terms = [];
    for (const name of site.filesIn(dir)) {
      if (!name.endsWith('.md') || name === 'index.md' || name === '_index.md') continue;
      const path = `${dir}/${name}`;
      files.push({ path, open: site.openTextOf(path) });
      const title = site.summary(path)?.title;
      if (title) terms.push({ title, path });
    }
    terms.sort((a, b) => a.title.localeCompare(b.title));
  }
  if (site.state === 'ready') cache.set(lang, { revision, files, terms });
  return terms;
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
