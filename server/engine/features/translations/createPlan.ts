import { builtInCatalog, type ShortcodeCatalog } from '../../catalog/shortcodeCatalog';
import { parseDocument } from '../../parser/parsedDocument';
import { LANGUAGE_FOLDER } from '../../site/siteLayout';
import type { SiteIndex } from '../../site/siteIndex';
import { basename, dirname, extname } from '../../site/paths';
import { DEFAULT_LANGUAGE, locate, pathIn } from '../../site/siteLayout';
import { findTranslations } from './matching';
import { translationText } from './translationText';
import { hugoConfig, isLanguageFolderConfigured } from '../../site/hugoConfig';
import { checkNeed, languageNeeds, LANGUAGE_FOLDER_PATHS } from '../../site/languageFiles';

export interface CreatePlan {
  readonly from: string;
  readonly target: string;
  /**
   * The new page's text: the source's, with its links pointing at the target language's pages and a `{#id}` on every
   * heading (`translationText.ts`).
   */
  readonly text: string;
  /** How `text` differs from the source: links rewritten, heading ids added. */
  readonly changes: { readonly links: number; readonly headingIds: number };
  /** Bundle resources to copy; none of the targets exists. */
  readonly copies: readonly { readonly from: string; readonly to: string }[];
  /** Resources the target bundle already has: left alone. */
  readonly kept: readonly string[];
  /**
   * What the target language cannot build yet, said before the page is created (in a full checkout only): Hugo does
   * not read the language's folder, or a `boilerplate` or `gloss` of the page has no file in that language.
   */
  readonly warnings: readonly string[];
}

export type CreatePlanResult =
  | { readonly ok: true; readonly plan: CreatePlan }
  | { readonly ok: false; readonly reason: 'exists' | 'not-content' | 'not-a-page' | 'bad-language' | 'same-language' | 'too-large'; readonly message: string; readonly target?: string };

const MARKDOWN = new Set(['.md', '.markdown']);

/**
 * What "Create Translation" does for the page at `path` and the language folder `lang` (which may not exist yet):
 * the new page at the same relative path, made from the source-language version when there is one (a translator
 * on the zh page creating uk starts from the English text), and the resources of the source's bundle.
 * A page bundle (`index.md`) brings every other file of its folder; a section (`_index.md`) only its non-Markdown
 * files, since the Markdown beside it are other pages; a single-file post only itself. Nothing that exists is
 * ever in the plan: an existing page refuses the whole plan, an existing resource is kept.
 */
export function planTranslation(site: SiteIndex, path: string, lang: string, catalog: ShortcodeCatalog = builtInCatalog()): CreatePlanResult {
  const location = locate(site.layout, path);
  if (!location) return { ok: false, reason: 'not-content', message: 'This file is not under content/<language>/.' };
  if (location.kind === 'resource') return { ok: false, reason: 'not-a-page', message: 'Only pages (Markdown files) can be translated.' };
  if (!LANGUAGE_FOLDER.test(lang)) {
    return { ok: false, reason: 'bad-language', message: `"${lang}" is not a language folder name (for example es, pt-br).` };
  }
  if (lang === location.lang) return { ok: false, reason: 'same-language', message: `This page is already the ${lang} version.` };

  const translations = findTranslations(site, path);
  const existing = translations?.versions.find((v) => v.lang === lang);
  const target = existing?.path ?? pathIn(site.layout, lang, location.relPath);
  if (existing?.exists || site.exists(target)) {
    return { ok: false, reason: 'exists', message: `The ${lang} version already exists.`, target };
  }
  // The plan creates files: each must really land in content/, not through a symbolic link to elsewhere.
  if (!site.reallyInContent(target)) {
    return { ok: false, reason: 'not-content', message: `The ${lang} version would be written outside the site's content/ folder: a symbolic link leads out of it.`, target };
  }
  const source = translations?.versions.find((v) => v.lang === DEFAULT_LANGUAGE && v.exists);
  const from = source && location.lang !== DEFAULT_LANGUAGE ? source.path : path;
  const fromLocation = locate(site.layout, from) ?? location;
  // `istio.maxFileSize`: the plan carries the page's text, and a 50 MB page made a 52 MB answer.
  const size = site.openTextOf(from)?.length ?? site.stat(from)?.size ?? 0;
  if (size > site.maxFileSize) {
    return { ok: false, reason: 'too-large', message: `${basename(from)} is ${Math.round(size / 1000).toLocaleString('en-US')} KB, over the ${Math.round(site.maxFileSize / 1000).toLocaleString('en-US')} KB limit of \`istio.maxFileSize\`.` };
  }
  const text = site.readText(from);
  if (text === undefined) return { ok: false, reason: 'not-content', message: `Cannot read ${from}.` };

  const copies: { from: string; to: string }[] = [];
  const kept: string[] = [];
  if (fromLocation.kind === 'bundle' || fromLocation.kind === 'section') {
    const fromDir = dirname(from);
    const toDir = dirname(target);
    for (const name of [...site.filesIn(fromDir)].sort()) {
      if (name === basename(from)) continue;
      if (fromLocation.kind === 'section' && MARKDOWN.has(extname(name))) continue;
      const to = `${toDir}/${name}`;
      const resource = `${fromDir}/${name}`;
      if (site.exists(to)) kept.push(to);
      // A resource that is a link out of the site, or a target whose folder is: left out, never copied.
      else if (site.reallyInContent(resource) && site.reallyInContent(to)) copies.push({ from: resource, to });
    }
  }
  // What exists once the plan is carried out: links to it are links to the target language.
  const planned = new Set([target, ...copies.map((c) => c.to)]);
  const adapted = translationText(parseDocument(text, catalog), { site, from: fromLocation, lang, planned });
  return {
    ok: true,
    plan: { from, target, text: adapted.text, changes: { links: adapted.links, headingIds: adapted.headingIds }, copies, kept, warnings: buildWarnings(site, lang, adapted.text, catalog) },
  };
}

/** What keeps the new page of `lang` from being built, as sentences; nothing in an excerpt of the site. */
function buildWarnings(site: SiteIndex, lang: string, text: string, catalog: ShortcodeCatalog): string[] {
  const config = hugoConfig(site);
  if (!config) return [];
  const out: string[] = [];
  if (!config.broken && config.languages && !isLanguageFolderConfigured(config, lang)) {
    out.push(`Hugo ignores content/${lang}/: the configuration has no language for it (Istio: Start a New Language… adds one).`);
  }
  const seen = new Set<string>();
  for (const need of languageNeeds(parseDocument(text, catalog), catalog)) {
    const state = checkNeed(site, lang, need);
    if (state === 'found') continue;
    const folder = `content/${lang}/${LANGUAGE_FOLDER_PATHS[need.folder]}/`;
    const sentence =
      state === 'no-folder'
        ? `{{< ${need.shortcode} >}} fails the build: ${folder} does not exist.`
        : `{{< ${need.shortcode} "${need.name}" >}} fails the build: ${folder} has no ${need.folder === 'glossary' ? 'entry titled' : 'file named'} "${need.name}".`;
    if (!seen.has(sentence)) out.push(sentence);
    seen.add(sentence);
  }
  return out;
}
