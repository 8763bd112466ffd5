import type { SiteIndex } from '../../site/siteIndex';
import { DEFAULT_LANGUAGE, pathIn } from '../../site/siteLayout';
import { siteLanguages } from './languages';

export interface PagePair {
  readonly relPath: string;
  readonly source: string;
  readonly translation: string;
  readonly title: string | undefined;
  /** The source or the translation is a draft. */
  readonly draft: boolean;
}

export interface LanguageListing {
  readonly lang: string;
  /** Source pages without a version in this language: `target` is where it would be created. */
  readonly missing: readonly { readonly relPath: string; readonly source: string; readonly target: string; readonly title: string | undefined; readonly draft: boolean }[];
  readonly pairs: readonly PagePair[];
  /** Pages of this language that have no source-language page. */
  readonly withoutSource: readonly { readonly relPath: string; readonly path: string }[];
  /** Its Markdown pages (every kind but bundle resources), from the same walk: the readiness report reads them. */
  readonly pages: readonly string[];
}

export interface SiteListing {
  readonly sourceLang: string;
  readonly sourcePages: number;
  readonly languages: readonly LanguageListing[];
}

/**
 * Every page of the site paired with its translations, per language (the source language excluded): missing
 * pages, translated pairs and pages without a source, and each language's pages. Walks the index once (call it when
 * the index is ready);
 * the same pairing rules as `findTranslations`: same path, or the same `translationKey`.
 */
export function listTranslations(site: SiteIndex): SiteListing {
  const pages = new Map<string, Map<string, string>>(); // lang → relPath → path
  const keyed = new Map<string, Map<string, string>>(); // translationKey → lang → path
  const all = new Map<string, string[]>(); // lang → every page
  for (const f of site.allFiles()) {
    if (f.location.kind === 'resource') continue;
    let mineAll = all.get(f.location.lang);
    if (!mineAll) all.set(f.location.lang, (mineAll = []));
    mineAll.push(f.path);
    const key = site.summary(f.path)?.translationKey;
    if (key !== undefined) {
      let byLang = keyed.get(key);
      if (!byLang) keyed.set(key, (byLang = new Map()));
      if (!byLang.has(f.location.lang)) byLang.set(f.location.lang, f.path);
      continue;
    }
    let byRel = pages.get(f.location.lang);
    if (!byRel) pages.set(f.location.lang, (byRel = new Map()));
    byRel.set(f.location.relPath, f.path);
  }
  const source = pages.get(DEFAULT_LANGUAGE) ?? new Map<string, string>();
  const sourceKeyed = [...keyed.values()].filter((m) => m.has(DEFAULT_LANGUAGE)).length;
  const relOf = (path: string): string => path.slice(site.layout.contentDir.length + 1).replace(/^[^/]+\//, '');
  const sortedSource = [...source].sort(([a], [b]) => byCodePoint(a, b));
  const isDraft = (path: string): boolean => site.summary(path)?.draft === true;

  const languages = siteLanguages(site)
    .filter((l) => l !== DEFAULT_LANGUAGE)
    .map((lang): LanguageListing => {
      const mine = pages.get(lang) ?? new Map<string, string>();
      const missing: LanguageListing['missing'][number][] = [];
      const pairs: PagePair[] = [];
      const withoutSource: LanguageListing['withoutSource'][number][] = [];
      for (const [relPath, src] of sortedSource) {
        const summary = site.summary(src);
        const t = mine.get(relPath);
        if (t !== undefined) pairs.push({ relPath, source: src, translation: t, title: summary?.title, draft: summary?.draft === true || isDraft(t) });
        else missing.push({ relPath, source: src, target: pathIn(site.layout, lang, relPath), title: summary?.title, draft: summary?.draft === true });
      }
      for (const [relPath, path] of mine) if (!source.has(relPath)) withoutSource.push({ relPath, path });
      for (const byLang of keyed.values()) {
        const src = byLang.get(DEFAULT_LANGUAGE);
        const t = byLang.get(lang);
        if (src !== undefined && t !== undefined) pairs.push({ relPath: relOf(t), source: src, translation: t, title: site.summary(src)?.title, draft: isDraft(src) || isDraft(t) });
        else if (src !== undefined) {
          const summary = site.summary(src);
          missing.push({ relPath: relOf(src), source: src, target: pathIn(site.layout, lang, relOf(src)), title: summary?.title, draft: summary?.draft === true });
        } else if (t !== undefined) withoutSource.push({ relPath: relOf(t), path: t });
      }
      withoutSource.sort((a, b) => byCodePoint(a.relPath, b.relPath));
      return { lang, missing, pairs, withoutSource, pages: all.get(lang) ?? [] };
    });
  return { sourceLang: DEFAULT_LANGUAGE, sourcePages: source.size + sourceKeyed, languages };
}

/** Plain code-point order: the same on every machine, whatever its locale. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
