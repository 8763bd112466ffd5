/**
 * The few settings of a site's `hugo.toml` that decide which paths the built site has: the static folders, the output
 * formats of each kind of page and their file names, whether aliases get pages of their own. Only these are read, from
 * the TOML subset Hugo configurations use (tables, `key = value` with strings, arrays of strings, booleans); a setting
 * that is absent or unreadable takes Hugo's default.
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

type TomlValue = string | boolean | number | readonly string[];

/** Parses the settings above from the text of `hugo.toml`; `undefined` text gives Hugo's defaults. */
export function parseHugoConfig(text: string | undefined): PublishConfig {
  const tables = readToml(text ?? '');
  const top = tables.get('') ?? new Map<string, TomlValue>();
  const staticDir = top.get('staticdir');
  const staticDirs = typeof staticDir === 'string' ? [staticDir] : Array.isArray(staticDir) && staticDir.length > 0 ? staticDir : ['static'];

  const outputs = new Map<string, readonly string[]>(Object.entries(DEFAULT_OUTPUTS));
  for (const [kind, formats] of tables.get('outputs') ?? []) if (Array.isArray(formats)) outputs.set(kind, formats.map((f) => f.toLowerCase()));

  const outputFiles = new Map<string, string>();
  const formats = new Set([...Object.keys(BUILT_IN_FORMATS), ...[...tables.keys()].flatMap((t) => (t.startsWith('outputformats.') ? [t.slice('outputformats.'.length)] : []))]);
  for (const name of formats) {
    const own = tables.get(`outputformats.${name}`);
    const builtIn = BUILT_IN_FORMATS[name];
    const baseName = stringValue(own?.get('basename')) ?? builtIn?.baseName ?? 'index';
    const mediaType = stringValue(own?.get('mediatype'));
    const suffix = mediaType !== undefined ? mediaSuffix(tables, mediaType) : builtIn ? `.${builtIn.suffix}` : undefined;
    if (suffix !== undefined) outputFiles.set(name, `${baseName}${suffix}`);
  }
  return { staticDirs, outputs, outputFiles, disableAliases: top.get('disablealiases') === true };
}

/** `.txt`, or `` for istio.io's `text/netlify` (no suffixes, an empty delimiter: the file `_redirects`). */
function mediaSuffix(tables: ReadonlyMap<string, ReadonlyMap<string, TomlValue>>, mediaType: string): string | undefined {
  const t = tables.get(`mediatypes.${mediaType.toLowerCase()}`);
  if (!t) return undefined;
  const suffixes = t.get('suffixes');
  const first = Array.isArray(suffixes) ? suffixes[0] : undefined;
  const delimiter = stringValue(t.get('delimiter')) ?? '.';
  return first === undefined ? (delimiter === '' ? '' : undefined) : `${delimiter}${first}`;
}

function stringValue(v: TomlValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * Table name (lower-case, quotes removed: `mediatypes.text/netlify`) → its keys (lower-case, as Hugo reads them) →
 * values. Arrays of tables (`[[menu.main]]`) are skipped; values other than strings, arrays of strings, booleans and
 * numbers are ignored.
 */
function readToml(text: string): Map<string, Map<string, TomlValue>> {
  const tables = new Map<string, Map<string, TomlValue>>([['', new Map()]]);
  let current: Map<string, TomlValue> | undefined = tables.get('');
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = stripComment(lines[i]!).trim();
    // An array written over several lines: read on to its closing bracket.
    while (/=\s*\[[^\]]*$/.test(line) && i + 1 < lines.length) line += ' ' + stripComment(lines[++i]!).trim();
    if (line === '') continue;
    if (line.startsWith('[[')) {
      current = undefined;
      continue;
    }
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = header[1]!.replace(/["']/g, '').replace(/\s*\.\s*/g, '.').trim().toLowerCase();
      current = tables.get(name) ?? new Map();
      tables.set(name, current);
      continue;
    }
    const kv = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!kv || !current) continue;
    const value = tomlValue(kv[2]!.trim());
    if (value !== undefined) current.set(kv[1]!.toLowerCase(), value);
  }
  return tables;
}

function tomlValue(v: string): TomlValue | undefined {
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^[+-]?\d+(\.\d+)?$/.test(v)) return Number(v);
  const str = /^"((?:[^"\\]|\\.)*)"$|^'([^']*)'$/.exec(v);
  if (str) return str[1] !== undefined ? str[1].replace(/\\(.)/g, '$1') : str[2]!;
  if (v.startsWith('[') && v.endsWith(']')) {
    const items = [...v.slice(1, -1).matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => (m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!));
    return items;
  }
  return undefined;
}

/** The line without a `#` comment (a `#` inside a string is kept). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#') return line.slice(0, i);
  }
  return line;
}
