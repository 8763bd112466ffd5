/**
 * Istio: Start a New Language…: what adding a language to the site takes besides its pages, as one plan the client
 * applies in a single undoable workspace edit. The configuration gets the language's table and its menus (the source
 * language's, with the language prefix on their URLs); `i18n/<lang>.*` is created from the source language's strings,
 * each marked untranslated. Nothing that exists is overwritten, and no page is copied: pages come through Create
 * Translation.
 */
import type { SiteIndex } from '../../site/siteIndex';
import { boilerplateNames } from '../../site/boilerplates';
import { glossaryTerms } from '../../site/glossary';
import { hugoConfig, type ConfigFormat } from '../../site/hugoConfig';
import { LANGUAGE_FOLDER } from '../../site/siteLayout';
import { tomlHeaders } from '../../site/tomlSections';
import { addLanguageEdit, type TextEdit } from './languageEdit';
import { i18nFile, i18nPathFor, markedStrings, readStrings, UNTRANSLATED_MARKER } from './readiness';

export interface NewLanguagePlanParts {
  readonly lang: string;
  readonly name: string;
  /** Edits of existing files (the configuration). */
  readonly edits: readonly { readonly path: string; readonly text: string; readonly edits: readonly TextEdit[] }[];
  /** Files to create; none exists. */
  readonly creates: readonly { readonly path: string; readonly text: string }[];
  /** One line per change, and what is left to do. */
  readonly summary: readonly string[];
}

export type NewLanguageFailure = 'bad-language' | 'no-config' | 'broken-config' | 'no-languages' | 'exists' | 'cannot-edit';
export type NewLanguagePlanResult = { readonly ok: true; readonly plan: NewLanguagePlanParts } | { readonly ok: false; readonly reason: NewLanguageFailure; readonly message: string };

export function planNewLanguage(site: SiteIndex, lang: string, name: string): NewLanguagePlanResult {
  if (!LANGUAGE_FOLDER.test(lang)) return { ok: false, reason: 'bad-language', message: `"${lang}" is not a language code (for example es, pt-br).` };
  const config = hugoConfig(site);
  if (!config) return { ok: false, reason: 'no-config', message: 'This site has no Hugo configuration at its root (hugo.toml, config/_default/, …): it looks like an excerpt of content/.' };
  const rel = (path: string): string => path.slice(site.layout.root === '/' ? 1 : site.layout.root.length + 1);
  const broken = config.files.find((f) => f.data === undefined);
  if (broken) return { ok: false, reason: 'broken-config', message: `${rel(broken.path)} does not parse (${broken.error ?? 'syntax error'}); fix it first.` };
  if (!config.languages) return { ok: false, reason: 'no-languages', message: 'The configuration names no languages: this is a single-language site.' };
  if (config.languages.has(lang.toLowerCase())) return { ok: false, reason: 'exists', message: `The configuration already has the language ${lang}.` };
  const r = addLanguageEdit(config, lang, name, true);
  if (!r.ok) return { ok: false, reason: 'cannot-edit', message: `Cannot add ${lang} to the configuration: ${r.reason}.` };
  const source = config.defaultContentLanguage;
  const { edit } = r;
  const file = rel(edit.file.path);
  const summary: string[] = [];
  const table = edit.file.format === 'toml' ? `[languages.${lang}]` : `languages.${lang}`;
  summary.push(`${file}: ${table} with ${Object.entries(edit.block).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}.`);
  for (const [menu, n] of Object.entries(edit.menus)) {
    if (n > 0) summary.push(`${file}: ${n} entries of the ${menu} menu copied from ${source}, with /${lang} before their URLs; translate their names and titles.`);
  }

  const creates: { path: string; text: string }[] = [];
  const sourceI18n = i18nFile(site, source);
  const target = i18nPathFor(site, source, lang);
  if (!sourceI18n) summary.push(`No i18n/${source}.* file: no interface strings to copy.`);
  else if (site.stat(target) !== undefined) summary.push(`${rel(target)} exists and was left as it is.`);
  else {
    const text = untranslatedCopy(site.readText(sourceI18n.path) ?? '', sourceI18n.format, lang, rel(sourceI18n.path));
    const n = readStrings(text, sourceI18n.format).size;
    creates.push({ path: target, text });
    summary.push(`${rel(target)}: ${n} interface strings copied from ${rel(sourceI18n.path)}${sourceI18n.format === 'json' ? '' : `, each marked ${UNTRANSLATED_MARKER}`}.`);
  }
  const boilerplates = boilerplateNames(site, source).length;
  if (boilerplates > 0) summary.push(`Still to do: content/${lang}/boilerplates/ (${source} has ${boilerplates}); pages that use a missing one fail the build.`);
  const terms = glossaryTerms(site, source)?.length ?? 0;
  if (terms > 0) summary.push(`Still to do: content/${lang}/docs/reference/glossary/ (${source} has ${terms} terms); a gloss without its entry fails the build.`);
  summary.push(`No page was copied: create each with Istio: Create Translation.`);
  return { ok: true, plan: { lang, name, edits: [{ path: edit.file.path, text: edit.file.text, edits: edit.edits }], creates, summary } };
}

/**
 * The source language's strings file with a `# TODO translate` line above each string (the file's own text
 * otherwise), which the readiness report counts as untranslated until the line is removed. JSON has no comments:
 * it is copied as it is, and a string equal to the source's counts as untranslated.
 */
export function untranslatedCopy(text: string, format: ConfigFormat, lang: string, from: string): string {
  if (format === 'json') return text;
  const header = `# Interface strings for ${lang}, copied from ${from}: translate each one, then delete its "${UNTRANSLATED_MARKER}" line.\n\n`;
  const starts = new Set<number>();
  if (format === 'toml') {
    const headers = tomlHeaders(text);
    for (const h of headers) if (h.keys.length === 1) starts.add(h.lineStart);
    // Flat files (`id = "text"`): the key lines before any table.
    const firstTable = headers[0]?.lineStart ?? text.length;
    forEachLine(text, (start, line) => {
      if (start < firstTable && /^[ \t]*("[^"]*"|[A-Za-z0-9_-]+)[ \t]*=/.test(line)) starts.add(start);
    });
  } else {
    forEachLine(text, (start, line) => {
      if (/^("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)[ \t]*:/.test(line)) starts.add(start);
    });
  }
  let out = '';
  let at = 0;
  for (const s of [...starts].sort((a, b) => a - b)) {
    const indent = /^[ \t]*/.exec(text.slice(s))![0];
    out += text.slice(at, s) + `${indent}${UNTRANSLATED_MARKER}\n`;
    at = s;
  }
  const copy = out + text.slice(at);
  // Whatever the file's shape, the copy must hold the same strings, each marked.
  const same = readStrings(copy, format);
  const strings = readStrings(text, format);
  const marked = markedStrings(copy);
  const ok = same.size === strings.size && [...strings].every(([k, v]) => same.get(k) === v && marked.has(k));
  return header + (ok ? copy : text);
}

function forEachLine(text: string, f: (start: number, line: string) => void): void {
  let start = 0;
  for (const line of text.split('\n')) {
    f(start, line);
    start += line.length + 1;
  }
}
