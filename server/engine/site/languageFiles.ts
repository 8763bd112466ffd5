/**
 * What shortcodes read from the content of the page's own language: `boilerplate` inserts
 * `content/<lang>/boilerplates/<name>.md`, `gloss` looks its entry up in `content/<lang>/docs/reference/glossary/`.
 * Which shortcodes do so is the catalog's `languageFolder` field, so a site template added to that list is checked
 * the same way. A page whose language lacks the file (or the whole folder) fails istio.io's build.
 */
import type { ShortcodeCatalog } from '../catalog/shortcodeCatalog';
import type { OffsetRange } from '../parser/offsetRange';
import type { ParsedDocument } from '../parser/parsedDocument';
import { findBoilerplate, hasBoilerplates } from './boilerplates';
import { findGlossaryTerm, glossaryTerms } from './glossary';
import type { SiteIndex } from './siteIndex';

export type LanguageFolder = 'boilerplates' | 'glossary';

/** One thing a page needs from its language's content: a boilerplate or a glossary entry, by name. */
export interface LanguageNeed {
  readonly shortcode: string;
  readonly folder: LanguageFolder;
  readonly name: string;
  /** The name as written (the parameter's value, or a `gloss`'s inner text). */
  readonly range: OffsetRange;
}

/** The folder (relative to `content/<lang>/`) each kind of language file lives in. */
export const LANGUAGE_FOLDER_PATHS: Readonly<Record<LanguageFolder, string>> = { boilerplates: 'boilerplates', glossary: 'docs/reference/glossary' };

/** What the page's shortcodes need from its language's content, in document order. */
export function languageNeeds(parsed: ParsedDocument, catalog: ShortcodeCatalog): LanguageNeed[] {
  const out: LanguageNeed[] = [];
  for (const node of parsed.tree.all) {
    const folder = catalog.get(node.open.name)?.languageFolder;
    if (!folder) continue;
    const p0 = node.open.params.find((p) => p.name === undefined && p.index === 0);
    if (p0?.unterminated) continue;
    // A gloss without a parameter looks up its inner text, as gloss.html does.
    const entry = p0 ? { name: p0.value, range: p0.innerRange } : folder === 'glossary' && node.inner && node.close ? { name: parsed.text.slice(node.inner.start, node.inner.end), range: node.inner } : undefined;
    if (entry && entry.name.trim() !== '') out.push({ shortcode: node.open.name, folder, ...entry });
  }
  return out;
}

/** Whether `lang` has the folder at all (a glossary bundle, a boilerplates bundle). */
export function hasLanguageFolder(site: SiteIndex, lang: string, folder: LanguageFolder): boolean {
  return folder === 'boilerplates' ? hasBoilerplates(site, lang) : glossaryTerms(site, lang) !== undefined;
}

/** `found`, `missing` (the folder exists, not the entry) or `no-folder` for one need in the language `lang`. */
export function checkNeed(site: SiteIndex, lang: string, need: LanguageNeed): 'found' | 'missing' | 'no-folder' {
  if (need.folder === 'boilerplates') {
    if (!hasBoilerplates(site, lang)) return 'no-folder';
    return findBoilerplate(site, lang, need.name) ? 'found' : 'missing';
  }
  const terms = glossaryTerms(site, lang);
  if (!terms) return 'no-folder';
  return findGlossaryTerm(terms, need.name) ? 'found' : 'missing';
}
