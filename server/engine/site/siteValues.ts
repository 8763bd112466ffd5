import { parse } from 'yaml';
import data from '../../data/siteValues.json';
import type { FileSystem } from './fileSystem';

/** The values `data/args.yml` gives the value shortcodes (`source_branch_name`, `version`, …), defaults filled in. */
export type SiteValues = Readonly<Record<string, string>>;

const DEFAULTS: SiteValues = data.defaults;
const TEMPLATES: Readonly<Record<string, string>> = data.shortcodes;

const cache = new Map<string, { mtimeMs: number; values: SiteValues }>();

/**
 * The site's `data/args.yml` values over the defaults of `server/data/siteValues.json`, cached by modification
 * time. A missing or broken file gives the defaults: the values only decorate a preview or a hint.
 */
export function readSiteValues(fs: FileSystem, siteRoot: string | undefined): SiteValues {
  if (siteRoot === undefined) return DEFAULTS;
  const path = `${siteRoot === '/' ? '' : siteRoot}/data/args.yml`;
  const stat = fs.stat(path);
  if (!stat?.isFile) return DEFAULTS;
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached.values;
  const values: Record<string, string> = { ...DEFAULTS };
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
