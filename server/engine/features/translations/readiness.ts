/**
 * How far each language is from being built by Hugo as a language of its own, beyond its pages: the configuration
 * reads its folder, its interface strings (`i18n/<lang>.*`) are translated, it has menus, and the per-language files
 * its pages' shortcodes need (boilerplates, glossary entries) exist. Part of the translation status report.
 */
import type { ShortcodeCatalog } from '../../catalog/shortcodeCatalog';
import { parseDocument } from '../../parser/parsedDocument';
import { boilerplateNames, hasBoilerplates } from '../../site/boilerplates';
import { glossaryTerms } from '../../site/glossary';
import { hugoConfig, isLanguageFolderConfigured, languageMenus, parseConfig, isTable, type ConfigFormat } from '../../site/hugoConfig';
import { checkNeed, languageNeeds, type LanguageFolder } from '../../site/languageFiles';
import type { SiteIndex } from '../../site/siteIndex';
import type { LanguageReadiness, UntranslatedString } from './types';

/** The marker Start a New Language writes above each copied string, and that makes a string count as untranslated. */
export const UNTRANSLATED_MARKER = '# TODO translate';

const I18N_EXTENSIONS: readonly [string, ConfigFormat][] = [['toml', 'toml'], ['yaml', 'yaml'], ['yml', 'yaml'], ['json', 'json']];

/** The language's interface strings file (`i18n/<lang>.toml`, `.yaml`, `.yml` or `.json`), if it has one. */
export function i18nFile(site: SiteIndex, lang: string): { path: string; format: ConfigFormat } | undefined {
  const root = site.layout.root === '/' ? '' : site.layout.root;
  for (const [ext, format] of I18N_EXTENSIONS) {
    const path = `${root}/i18n/${lang}.${ext}`;
    if (site.stat(path)?.isFile) return { path, format };
  }
  return undefined;
}

/** Where a new language's strings file goes: beside the source language's, in its format. */
export function i18nPathFor(site: SiteIndex, sourceLang: string, lang: string): string {
  const root = site.layout.root === '/' ? '' : site.layout.root;
  const source = i18nFile(site, sourceLang);
  return `${root}/i18n/${lang}.${source ? source.path.slice(source.path.lastIndexOf('.') + 1) : 'toml'}`;
}

/** The strings of an i18n file: id → its text (the `other` form of a pluralised string). */
export function readStrings(text: string, format: ConfigFormat): Map<string, string> {
  const out = new Map<string, string>();
  let data: Record<string, unknown>;
  try {
    data = parseConfig(text, format);
  } catch {
    return out;
  }
  for (const [id, v] of Object.entries(data)) {
    const text = typeof v === 'string' ? v : isTable(v) ? (v['other'] ?? Object.values(v).find((x) => typeof x === 'string')) : undefined;
    if (typeof text === 'string') out.set(id, text);
  }
  return out;
}

/** The ids marked with `# TODO translate` on the line above their table or key (TOML and YAML). */
export function markedStrings(text: string): Set<string> {
  const out = new Set<string>();
  let marked = false;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.startsWith(UNTRANSLATED_MARKER)) {
      marked = true;
      continue;
    }
    if (t === '' || t.startsWith('#')) continue;
    const id = /^\[\s*"?([^"\]]+)"?\s*\]$/.exec(t)?.[1] ?? /^"?([A-Za-z0-9_.-]+)"?\s*[=:]/.exec(t)?.[1];
    if (marked && id !== undefined) out.add(id);
    marked = false;
  }
  return out;
}

const MARKDOWN = /\.(md|markdown)$/i;
/** The names a page must contain for a per-language shortcode to be on it: most pages are skipped unparsed. */
function mayNeed(text: string, names: readonly string[]): boolean {
  return names.some((n) => text.includes(n));
}

/**
 * `pagesOf(lang)` gives a language's pages (the translation listing's walk of the index), so the report walks the
 * index once rather than once more here.
 */
export function languageReadiness(
  site: SiteIndex,
  catalog: ShortcodeCatalog,
  sourceLang: string,
  langs: readonly string[],
  pagesOf: (lang: string) => readonly string[],
  toUri: (path: string) => string,
): LanguageReadiness[] {
  const config = hugoConfig(site);
  const sourceI18n = i18nFile(site, sourceLang);
  const sourceStrings = sourceI18n ? readStrings(site.readText(sourceI18n.path) ?? '', sourceI18n.format) : undefined;
  const sourceMenus = config ? languageMenus(config, sourceLang) : {};
  const sourceBoilerplates = boilerplateNames(site, sourceLang);
  const readers = catalog.names().filter((n) => catalog.get(n)?.languageFolder !== undefined);

  // Every page's needs, per language.
  const failing = new Map<string, Map<LanguageFolder, Map<string, Set<string>>>>(); // lang → folder → page → names
  const used = new Map<string, Set<string>>(); // lang → glossary entries used
  for (const lang of langs) {
    for (const path of pagesOf(lang)) {
      if (!MARKDOWN.test(path)) continue;
      const text = site.readText(path);
      if (text === undefined || text.length > site.maxFileSize || !mayNeed(text, readers)) continue;
      for (const need of languageNeeds(parseDocument(text, catalog), catalog)) {
        if (need.folder === 'glossary') {
          let u = used.get(lang);
          if (!u) used.set(lang, (u = new Set()));
          u.add(need.name.toLowerCase());
        }
        if (checkNeed(site, lang, need) === 'found') continue;
        let byFolder = failing.get(lang);
        if (!byFolder) failing.set(lang, (byFolder = new Map()));
        let pages = byFolder.get(need.folder);
        if (!pages) byFolder.set(need.folder, (pages = new Map()));
        let names = pages.get(path);
        if (!names) pages.set(path, (names = new Set()));
        names.add(need.name);
      }
    }
  }
  const contentPrefix = site.layout.contentDir.length + 1;
  const failingPages = (lang: string, folder: LanguageFolder): LanguageReadiness['boilerplates']['failing'] =>
    [...(failing.get(lang)?.get(folder) ?? [])]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, names]) => ({ path: path.slice(contentPrefix), uri: toUri(path), names: [...names].sort() }));

  return langs.map((lang): LanguageReadiness => {
    const i18n = i18nFile(site, lang);
    let strings: LanguageReadiness['strings'];
    if (sourceStrings) {
      const text = i18n ? (site.readText(i18n.path) ?? '') : '';
      const mine = i18n ? readStrings(text, i18n.format) : new Map<string, string>();
      const marked = i18n ? markedStrings(text) : new Set<string>();
      const untranslated: UntranslatedString[] = [];
      for (const [id, source] of sourceStrings) {
        const value = mine.get(id);
        const reason = value === undefined ? 'missing' : marked.has(id) ? 'marked' : value === source ? 'same' : undefined;
        if (reason) untranslated.push({ id, source, reason });
      }
      strings = { ...(i18n ? { uri: toUri(i18n.path) } : {}), total: sourceStrings.size, translated: sourceStrings.size - untranslated.length, untranslated };
    }
    const ownMenus = config ? languageMenus(config, lang) : {};
    const menus = Object.keys(sourceMenus).length || Object.keys(ownMenus).length
      ? [...new Set([...Object.keys(sourceMenus), ...Object.keys(ownMenus)])].sort().map((menu) => ({ menu, entries: ownMenus[menu]?.length ?? 0, sourceEntries: sourceMenus[menu]?.length ?? 0 }))
      : undefined;
    const mineBoilerplates = new Set(hasBoilerplates(site, lang) ? boilerplateNames(site, lang) : []);
    const terms = glossaryTerms(site, lang);
    return {
      lang,
      ...(config ? { configured: !config.broken && (!config.languages || isLanguageFolderConfigured(config, lang)) } : {}),
      ...(strings ? { strings } : {}),
      ...(menus ? { menus } : {}),
      boilerplates: {
        present: sourceBoilerplates.filter((n) => mineBoilerplates.has(n)).length,
        needed: sourceBoilerplates.length,
        missing: sourceBoilerplates.filter((n) => !mineBoilerplates.has(n)),
        failing: failingPages(lang, 'boilerplates'),
      },
      glossary: { present: terms?.length ?? 0, used: used.get(lang)?.size ?? 0, failing: failingPages(lang, 'glossary') },
    };
  });
}
