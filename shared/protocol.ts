/**
 * The contract between the VS Code client and the language server: settings and custom requests.
 * Both sides import this one module, so a change to a request's shape is a compile error on both.
 */

/** The extension's settings (`istio.*`), read per resource by the server. */
export interface IstioSettings {
  readonly diagnostics: {
    /** Check content files while typing. */
    readonly enable: boolean;
  };
  readonly frontmatter: {
    /** Workspace schema files that extend or replace the built-in frontmatter schemas (`istio.frontmatter.schemas`). */
    readonly schemas: readonly FrontmatterSchemaSetting[];
  };
}

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
  diagnostics: { enable: true },
  frontmatter: { schemas: [] },
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

/** The configuration section the client contributes (`istio.…`). */
export const SETTINGS_SECTION = 'istio';

/** Every diagnostic the server publishes carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';
