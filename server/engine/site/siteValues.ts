import { parse } from 'yaml';
import data from '../../data/siteValues.json';
import type { FileSystem } from './fileSystem';

/** The values `data/args.yml` gives the value shortcodes (`source_branch_name`, `version`, …), defaults filled in. */
export type SiteValues = Readonly<Record<string, string>>;

/** The values of a site without `data/args.yml`, and of a file outside every site. */
export const DEFAULT_SITE_VALUES: SiteValues = data.defaults;
const TEMPLATES: Readonly<Record<string, string>> = data.shortcodes;

/**
 * What one owner has read of `data/args.yml` files (a site index keeps its own; the preview one per file system):
 * by path, with the modification time it was read at. Passed explicitly, so two sites or two in-memory file systems
 * with a file at the same path never see each other's values.
 */
export type SiteValuesCache = Map<string, { readonly mtimeMs: number; readonly values: SiteValues }>;

/**
 * The site's `data/args.yml` values over the defaults of `server/data/siteValues.json`, cached in `cache` by
 * modification time. A missing or broken file gives the defaults: the values only decorate a preview or a hint.
 */
export function readSiteValues(fs: Pick<FileSystem, 'stat' | 'readText'>, siteRoot: string | undefined, cache: SiteValuesCache): SiteValues {
  if (siteRoot === undefined) return DEFAULT_SITE_VALUES;
  const path = `${siteRoot === '/' ? '' : siteRoot}/data/args.yml`;
  const stat = fs.stat(path);
  if (!stat?.isFile) return DEFAULT_SITE_VALUES;
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.values;
  const values: Record<string, string> = { ...DEFAULT_SITE_VALUES };
  try {
    const doc: unknown = parse(fs.readText(path) ?? '');
    if (doc && typeof doc === 'object') {
      for (const [k, v] of Object.entries(doc)) {
        if (typeof v === 'string' || typeof v === 'number') values[k] = String(v);
      }
    }
  } catch {
    // a broken args.yml: keep the defaults
  }
  cache.set(path, { mtimeMs: stat.mtimeMs, values });
  return values;
}

/** What a value shortcode prints (`github_tree` → `https://github.com/istio/istio/tree/master`), or `undefined` for other names. */
export function valueShortcode(name: string, values: SiteValues): string | undefined {
  const template = TEMPLATES[name];
  return template === undefined ? undefined : fill(template, values);
}

/** The URL prefix `@path@` links in `text` blocks point at. */
export function textLinkBase(values: SiteValues): string {
  return fill(data.textLinks, values);
}

function fill(template: string, values: SiteValues): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => values[key] ?? m);
}
