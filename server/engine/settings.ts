import { isDiagnosticCode, isDiagnosticFamily } from './diagnostics/catalog';
import { isSeverityOverride, type SeverityOverride } from './diagnostics/severity';

export type { SeverityOverride } from './diagnostics/severity';

/** The extension's settings (`istio.*`), read per resource by the server. */
export interface IstioSettings {
  readonly diagnostics: {
    /** Check content files while typing. */
    readonly enable: boolean;
    /** `istio.diagnostics.severity`: a code or a family name → its severity or `off`; a code's entry wins over its family's. */
    readonly severity: Readonly<Record<string, SeverityOverride>>;
    /**
     * `istio.diagnostics.scope`: `openFiles` checks the pages open in the editor; `workspace` checks every page of the
     * site and keeps the Problems view current as files change. Absent means `openFiles`.
     */
    readonly scope?: DiagnosticsScope;
  };
  readonly frontmatter: {
    /** Workspace schema files that extend or replace the built-in frontmatter schemas (`istio.frontmatter.schemas`). */
    readonly schemas: readonly FrontmatterSchemaSetting[];
  };
  readonly links: {
    /** Globs of link and image targets, as written, that are never checked (`/docs/reference/**`, `*.pdf`). */
    readonly ignore: readonly string[];
  };
  readonly lint: {
    /**
     * The languages `make lint` checks (`scripts/lint_site.sh` takes them as arguments; en and zh by default, uk only
     * when named): spelling, Markdown style and the lint's grep rules run on pages of these languages only.
     */
    readonly languages: readonly string[];
  };
  /** Files larger than this many bytes (UTF-16 code units for open documents) are not checked. */
  readonly maxFileSize: number;
}

export type DiagnosticsScope = 'openFiles' | 'workspace';

/** One entry of `istio.frontmatter.schemas`. */
export interface FrontmatterSchemaSetting {
  /** The kind of page it applies to (`blog-post`, `blog-section`, `docs-page`, `glossary-term`, `news`, `boilerplate`, `default`) or `*`. */
  readonly kind: string;
  /** A JSON Schema file, relative to the site root (the folder holding `content/`) or absolute. */
  readonly file: string;
  /** `extend` (default) adds its properties, `required` and `x-recommended` to the built-in schema; `replace` uses it alone. */
  readonly mode: 'extend' | 'replace';
}

export const DEFAULT_SETTINGS: IstioSettings = {
  diagnostics: { enable: true, severity: {} },
  frontmatter: { schemas: [] },
  links: { ignore: [] },
  lint: { languages: ['en', 'zh'] },
  maxFileSize: 1_000_000,
};

/** Reads `istio.frontmatter.schemas` as the client sent it, dropping malformed entries. */
export function toFrontmatterSchemaSettings(raw: unknown): FrontmatterSchemaSetting[] {
  if (!Array.isArray(raw)) return [];
  const out: FrontmatterSchemaSetting[] = [];
  for (const e of raw as unknown[]) {
    if (typeof e !== 'object' || e === null) continue;
    const r = e as Record<string, unknown>;
    if (typeof r['file'] !== 'string' || r['file'] === '') continue;
    const kind = typeof r['kind'] === 'string' && r['kind'] !== '' ? r['kind'] : '*';
    out.push({ kind, file: r['file'], mode: r['mode'] === 'replace' ? 'replace' : 'extend' });
  }
  return out;
}

/**
 * Reads `istio.diagnostics.severity` as the user wrote it, keeping only entries whose key is a code or a family of the
 * catalog and whose value is a severity or `off`: a typo must not switch a check off or raise it unnoticed.
 */
export function toSeverityOverrides(raw: unknown): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = {};
  if (!isRecord(raw)) return out;
  for (const [key, value] of Object.entries(raw)) {
    if (!isDiagnosticCode(key) && !isDiagnosticFamily(key)) continue;
    if (isSeverityOverride(value)) out[key] = value;
  }
  return out;
}

/**
 * Reads settings the way VS Code hands them over (`istio` section as a nested object) over the defaults.
 * Driven by the shape of DEFAULT_SETTINGS: a value is taken only when its type matches the default's, so a
 * new field added to DEFAULT_SETTINGS is read by the server and the CLI without touching this function,
 * and a mistyped value in a settings file falls back to the default instead of reaching the features.
 */
export function mergeSettings(raw: unknown): IstioSettings {
  const merged = mergeInto(DEFAULT_SETTINGS, raw) as IstioSettings;
  // Lists take the user's array as a whole: keep only well-formed entries.
  return {
    ...merged,
    diagnostics: {
      ...merged.diagnostics,
      severity: toSeverityOverrides(merged.diagnostics.severity),
      // Only `workspace` turns it on (absent is `openFiles`): checking the whole site is asked for by name, not by a typo.
      ...(scopeOf(raw) === 'workspace' ? { scope: 'workspace' as const } : {}),
    },
    frontmatter: { ...merged.frontmatter, schemas: toFrontmatterSchemaSettings(merged.frontmatter.schemas) },
    links: { ...merged.links, ignore: merged.links.ignore.filter((g): g is string => typeof g === 'string') },
    lint: { ...merged.lint, languages: merged.lint.languages.filter((l): l is string => typeof l === 'string') },
  };
}

function scopeOf(raw: unknown): unknown {
  return isRecord(raw) && isRecord(raw['diagnostics']) ? raw['diagnostics']['scope'] : undefined;
}

function mergeInto(defaults: unknown, raw: unknown): unknown {
  if (isRecord(defaults)) {
    if (!isRecord(raw)) return defaults;
    // An open-ended map (default `{}`, e.g. per-code overrides) takes the user's keys as they are.
    if (Object.keys(defaults).length === 0) return raw;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(defaults)) out[key] = mergeInto(value, raw[key]);
    return out;
  }
  if (Array.isArray(defaults)) return Array.isArray(raw) ? raw : defaults;
  if (raw === undefined || raw === null) return defaults;
  return typeof raw === typeof defaults ? raw : defaults;
}

/**
 * Turns the flat keys of a `.vscode/settings.json` (`"istio.diagnostics.enable": false`) into the nested
 * object VS Code passes for the `istio` section. Nested objects (`"istio": {"diagnostics": …}`) work too.
 */
export function settingsSection(flat: Readonly<Record<string, unknown>>, section: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const prefix = section + '.';
  for (const [key, value] of Object.entries(flat)) {
    if (key === section && isRecord(value)) deepAssign(out, value);
    else if (key.startsWith(prefix)) setPath(out, key.slice(prefix.length).split('.'), value);
  }
  return out;
}

/**
 * Keys a settings file may not set: through them, `"istio.__proto__.x": 1` in a workspace's `.vscode/settings.json`
 * wrote `x` onto every object of the process (the settings are the workspace's, so anyone who can clone one).
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function setPath(target: Record<string, unknown>, keys: readonly string[], value: unknown): void {
  if (keys.some((k) => UNSAFE_KEYS.has(k))) return;
  let node = target;
  for (const k of keys.slice(0, -1)) {
    const next = node[k];
    if (isRecord(next)) node = next;
    else {
      const created: Record<string, unknown> = {};
      node[k] = created;
      node = created;
    }
  }
  const last = keys[keys.length - 1];
  if (last !== undefined) node[last] = isRecord(value) && isRecord(node[last]) ? deepAssign(node[last] as Record<string, unknown>, value) : value;
}

function deepAssign(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(source)) {
    if (UNSAFE_KEYS.has(k)) continue;
    const t = target[k];
    if (isRecord(v) && isRecord(t)) deepAssign(t, v);
    else target[k] = v;
  }
  return target;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
