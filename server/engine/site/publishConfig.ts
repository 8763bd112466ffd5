import { getKey, isTable } from './hugoConfig';

/**
 * The few settings of a site's Hugo configuration that decide which paths the built site has: the static folders, the
 * output formats of each kind of page and their file names, whether aliases get pages of their own. They are read from
 * the configuration `hugoConfig.ts` parses and merges (the root file over `config/_default/`), keys in any case, as
 * Hugo reads them; a setting that is absent or of another type takes Hugo's default.
 */
export interface PublishConfig {
  /** The folders copied as they are to the site's root (`staticDir`), relative to the site root. */
  readonly staticDirs: readonly string[];
  /** Page kind (`home`, `section`, `page`) → its output formats (lower-case). */
  readonly outputs: ReadonlyMap<string, readonly string[]>;
  /** Output format (lower-case) → the file it writes in the page's folder (`rss` → `feed.xml` on istio.io). */
  readonly outputFiles: ReadonlyMap<string, string>;
  /** `disableAliases`: no redirect page for an alias, only what the site builds from them (istio.io: `_redirects`). */
  readonly disableAliases: boolean;
}

/** Hugo's defaults (hugo.toml of a new site). */
const DEFAULT_OUTPUTS: Readonly<Record<string, readonly string[]>> = { home: ['html', 'rss'], section: ['html', 'rss'], page: ['html'] };
const BUILT_IN_FORMATS: Readonly<Record<string, { baseName: string; suffix: string }>> = {
  html: { baseName: 'index', suffix: 'html' },
  rss: { baseName: 'index', suffix: 'xml' },
  json: { baseName: 'index', suffix: 'json' },
  calendar: { baseName: 'index', suffix: 'ics' },
  csv: { baseName: 'index', suffix: 'csv' },
};

/** The settings above from a merged configuration (`HugoConfig.merged`); `undefined` gives Hugo's defaults. */
export function publishConfig(config: Readonly<Record<string, unknown>> | undefined): PublishConfig {
  const staticDir = getKey(config, 'staticDir');
  const dirs = typeof staticDir === 'string' ? [staticDir] : strings(staticDir);
  const staticDirs = dirs.length > 0 ? dirs : ['static'];

  const outputs = new Map<string, readonly string[]>(Object.entries(DEFAULT_OUTPUTS));
  const ownOutputs = getKey(config, 'outputs');
  if (isTable(ownOutputs)) {
    for (const [kind, formats] of Object.entries(ownOutputs)) if (Array.isArray(formats)) outputs.set(kind.toLowerCase(), strings(formats).map((f) => f.toLowerCase()));
  }

  const ownFormats = getKey(config, 'outputFormats');
  const outputFiles = new Map<string, string>();
  const formats = new Set([...Object.keys(BUILT_IN_FORMATS), ...Object.keys(isTable(ownFormats) ? ownFormats : {}).map((f) => f.toLowerCase())]);
  for (const name of formats) {
    const own = getKey(ownFormats, name);
    const builtIn = BUILT_IN_FORMATS[name];
    const baseName = stringValue(getKey(own, 'baseName')) ?? builtIn?.baseName ?? 'index';
    const mediaType = stringValue(getKey(own, 'mediaType'));
    const suffix = mediaType !== undefined ? mediaSuffix(getKey(getKey(config, 'mediaTypes'), mediaType)) : builtIn ? `.${builtIn.suffix}` : undefined;
    if (suffix !== undefined) outputFiles.set(name, `${baseName}${suffix}`);
  }
  return { staticDirs, outputs, outputFiles, disableAliases: getKey(config, 'disableAliases') === true };
}

/** `.txt`, or `` for istio.io's `text/netlify` (no suffixes, an empty delimiter: the file `_redirects`). */
function mediaSuffix(type: unknown): string | undefined {
  if (!isTable(type)) return undefined;
  const first = strings(getKey(type, 'suffixes'))[0];
  const delimiter = stringValue(getKey(type, 'delimiter')) ?? '.';
  return first === undefined ? (delimiter === '' ? '' : undefined) : `${delimiter}${first}`;
}

function stringValue(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The strings of an array (other items skipped); `[]` for anything else. */
function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
