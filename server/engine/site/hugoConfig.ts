/**
 * The site's Hugo configuration, read with real parsers (smol-toml, yaml, JSON): the root file (`hugo.toml`,
 * `hugo.yaml`, `hugo.json`, or the older `config.*`) and the configuration folder `config/_default/` (its main file,
 * and the per-key files `languages.*` and `menus.*`, `menus.<lang>.*`). Only what the language features need is
 * interpreted: the languages and their content folders, the menus, the default content language.
 */
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { cacheKey } from '../caches';
import type { SiteIndex } from './siteIndex';
import { DEFAULT_LANGUAGE } from './siteLayout';

export type ConfigFormat = 'toml' | 'yaml' | 'json';

export interface ConfigFile {
  readonly path: string;
  readonly format: ConfigFormat;
  readonly text: string;
  /**
   * Where the file's top level sits in the whole configuration: `[]` for `hugo.toml`, `['languages']` for
   * `config/_default/languages.toml`, `['languages', 'en', 'menus']` for `config/_default/menus.en.toml`.
   */
  readonly prefix: readonly string[];
  /** The parsed file, `undefined` when it does not parse (`error` says why). */
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly error: string | undefined;
}

export interface LanguageConfig {
  /** The language's key, lower-cased as Hugo reads it. */
  readonly lang: string;
  readonly contentDir: string | undefined;
  readonly weight: number | undefined;
  readonly languageName: string | undefined;
}

export interface HugoConfig {
  readonly files: readonly ConfigFile[];
  /** The whole configuration, the root file over `config/_default/`. */
  readonly merged: Readonly<Record<string, unknown>>;
  /**
   * The configured languages by lower-cased key, in the order they are written; `undefined` when the configuration
   * names none (a single-language site, whose `content/` holds the pages directly).
   */
  readonly languages: ReadonlyMap<string, LanguageConfig> | undefined;
  /** The file that defines the languages: where a new one goes. */
  readonly languagesFile: ConfigFile | undefined;
  readonly defaultContentLanguage: string;
  /** A file does not parse: nothing about the languages can be said. */
  readonly broken: boolean;
}

/** The root files Hugo looks for, in its order: the first that exists is the configuration. */
const ROOT_FILES = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];
const CONFIG_DIR = 'config/_default';
const EXT_FORMAT: Readonly<Record<string, ConfigFormat>> = { toml: 'toml', yaml: 'yaml', yml: 'yaml', json: 'json' };

/** Per site: the configuration and the files' stamps it was read at. */
const CONFIG = cacheKey<{ stamp: string; config: HugoConfig | undefined }>('hugo config');

function rootPrefix(site: SiteIndex): string {
  return site.layout.root === '/' ? '' : site.layout.root;
}

/** The configuration files present, with where each sits in the whole configuration (no text read yet). */
function configFiles(site: SiteIndex): { path: string; format: ConfigFormat; prefix: string[] }[] {
  const root = rootPrefix(site);
  const out: { path: string; format: ConfigFormat; prefix: string[] }[] = [];
  const dir = `${root}/${CONFIG_DIR}`;
  // Stat first: most sites have no config/_default/, and a failed listing throws (10 % of a check of istio.io).
  for (const e of [...((site.stat(dir)?.isDirectory ? site.readDir(dir) : undefined) ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const m = /^([a-z]+)(?:\.([a-zA-Z0-9_-]+))?\.(toml|yaml|yml|json)$/.exec(e.name);
    if (!e.isFile || !m) continue;
    const [, key, lang, ext] = m;
    const format = EXT_FORMAT[ext!]!;
    if ((key === 'hugo' || key === 'config') && lang === undefined) out.push({ path: `${dir}/${e.name}`, format, prefix: [] });
    else if (key === 'languages' && lang === undefined) out.push({ path: `${dir}/${e.name}`, format, prefix: ['languages'] });
    else if (key === 'menus' || key === 'menu') out.push({ path: `${dir}/${e.name}`, format, prefix: lang ? ['languages', lang, 'menus'] : ['menus'] });
  }
  // The root file comes last: it overrides the folder's values.
  const main = ROOT_FILES.find((f) => site.stat(`${root}/${f}`)?.isFile === true);
  if (main) out.push({ path: `${root}/${main}`, format: EXT_FORMAT[main.slice(main.lastIndexOf('.') + 1)]!, prefix: [] });
  return out;
}

/**
 * The site's Hugo configuration, `undefined` when it has none at its root (an excerpt of `content/`, where nothing
 * about the configuration can be said). Cached in the site's caches until a file of it changes.
 */
export function hugoConfig(site: SiteIndex): HugoConfig | undefined {
  const found = configFiles(site);
  const stamp = found.map((f) => `${f.path}:${site.stat(f.path)?.mtimeMs ?? ''}:${site.openTextOf(f.path)?.length ?? ''}`).join('|');
  const cache = site.caches.get(CONFIG, () => ({ stamp: '', config: undefined }));
  if (cache.stamp === stamp && stamp !== '') return cache.config;
  const config = found.length === 0 ? undefined : readConfig(found.map((f) => readFile(site, f)));
  cache.stamp = stamp;
  cache.config = config;
  return config;
}

function readFile(site: SiteIndex, f: { path: string; format: ConfigFormat; prefix: string[] }): ConfigFile {
  const text = site.readText(f.path) ?? '';
  try {
    const data = parseConfig(text, f.format);
    return { ...f, text, data, error: undefined };
  } catch (e) {
    return { ...f, text, data: undefined, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Parses a configuration text; throws on a syntax error. An empty file is an empty table, as Hugo reads it. */
export function parseConfig(text: string, format: ConfigFormat): Record<string, unknown> {
  const v: unknown = format === 'toml' ? parseToml(text) : format === 'yaml' ? parseYaml(text) : text.trim() === '' ? {} : JSON.parse(text);
  if (v === null || v === undefined) return {};
  if (!isTable(v)) throw new Error('the configuration is not a table of keys');
  return v;
}

export function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** `obj[key]` ignoring the key's case, as Hugo reads its configuration. */
export function getKey(obj: unknown, key: string): unknown {
  if (!isTable(obj)) return undefined;
  if (Object.hasOwn(obj, key)) return obj[key];
  const lower = key.toLowerCase();
  const k = Object.keys(obj).find((x) => x.toLowerCase() === lower);
  return k === undefined ? undefined : obj[k];
}

function place(prefix: readonly string[], data: Record<string, unknown>): Record<string, unknown> {
  let v: Record<string, unknown> = data;
  for (let i = prefix.length - 1; i >= 0; i--) v = { [prefix[i]!]: v };
  return v;
}

/** `over` merged into `under`, key case ignored (tables merge, other values are replaced). */
function mergeInto(under: Record<string, unknown>, over: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...under };
  for (const [k, v] of Object.entries(over)) {
    const existing = Object.keys(out).find((x) => x.toLowerCase() === k.toLowerCase());
    if (existing !== undefined && isTable(out[existing]) && isTable(v)) out[existing] = mergeInto(out[existing], v);
    else {
      if (existing !== undefined) delete out[existing];
      out[k] = v;
    }
  }
  return out;
}

function readConfig(files: ConfigFile[]): HugoConfig {
  let merged: Record<string, unknown> = {};
  for (const f of files) if (f.data) merged = mergeInto(merged, place(f.prefix, f.data));
  const rawLangs = getKey(merged, 'languages');
  let languages: Map<string, LanguageConfig> | undefined;
  if (isTable(rawLangs) && Object.keys(rawLangs).length > 0) {
    languages = new Map();
    for (const [k, v] of Object.entries(rawLangs)) {
      const contentDir = getKey(v, 'contentDir');
      const weight = getKey(v, 'weight');
      const languageName = getKey(v, 'languageName');
      languages.set(k.toLowerCase(), {
        lang: k.toLowerCase(),
        contentDir: typeof contentDir === 'string' ? contentDir : undefined,
        weight: typeof weight === 'number' ? weight : undefined,
        languageName: typeof languageName === 'string' ? languageName : undefined,
      });
    }
  }
  // The root file wins, then the configuration folder's main file, then its languages file.
  const defining = (f: ConfigFile): boolean => (f.prefix.length === 1 && f.prefix[0] === 'languages' ? isTable(f.data) && Object.keys(f.data).length > 0 : f.prefix.length === 0 && isTable(getKey(f.data, 'languages')));
  const languagesFile = [...files].reverse().find(defining);
  const dcl = getKey(merged, 'defaultContentLanguage');
  return {
    files,
    merged,
    languages,
    languagesFile,
    defaultContentLanguage: typeof dcl === 'string' ? dcl.toLowerCase() : DEFAULT_LANGUAGE,
    broken: files.some((f) => f.data === undefined),
  };
}

/** Removes `./` and trailing slashes, so `./content/es/` and `content/es` compare equal. */
function normalizeDir(dir: string): string {
  return dir.replace(/^\.\//, '').replace(/\/+$/, '');
}

/**
 * Whether Hugo reads `content/<lang>/` as the pages of a language: a language names it as its `contentDir`, or a
 * module mount takes it as a language's content. A language keyed `<lang>` whose `contentDir` is elsewhere does not.
 */
export function isLanguageFolderConfigured(config: HugoConfig, lang: string): boolean {
  const folder = `content/${lang}`;
  for (const l of config.languages?.values() ?? []) {
    if (l.contentDir !== undefined && normalizeDir(l.contentDir) === folder) return true;
  }
  const mounts = getKey(getKey(config.merged, 'module'), 'mounts');
  if (Array.isArray(mounts)) {
    for (const m of mounts) {
      const source = getKey(m, 'source');
      if (typeof source === 'string' && normalizeDir(source) === folder) return true;
    }
  }
  return false;
}

/**
 * The menus of a language (menu name → its entries): its own (`languages.<lang>.menus`, or the older `menu`), and
 * for the default language the site-wide ones, which Hugo gives every language without menus of its own.
 */
export function languageMenus(config: HugoConfig, lang: string): Readonly<Record<string, readonly unknown[]>> {
  const own = getKey(config.languages ? getKey(getKey(config.merged, 'languages'), lang) : undefined, 'menus') ?? getKey(getKey(getKey(config.merged, 'languages'), lang), 'menu');
  const site = getKey(config.merged, 'menus') ?? getKey(config.merged, 'menu');
  const menus = isTable(own) ? own : lang === config.defaultContentLanguage && isTable(site) ? site : undefined;
  const out: Record<string, readonly unknown[]> = {};
  for (const [name, entries] of Object.entries(menus ?? {})) if (Array.isArray(entries)) out[name] = entries;
  return out;
}

/** Whether `path` is one of the configuration files this module reads (a change to it re-reads the configuration). */
export function isConfigPath(siteRoot: string, path: string): boolean {
  const root = siteRoot === '/' ? '' : siteRoot;
  return ROOT_FILES.some((f) => path === `${root}/${f}`) || path.startsWith(`${root}/${CONFIG_DIR}/`);
}
