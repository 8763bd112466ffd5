import kinds from '../../data/schemas/kinds.json';

/** A kind of page (blog post, docs page…), chosen by the page's path under `content/<lang>/`. */
export interface PageKind {
  readonly kind: string;
  readonly match: RegExp;
  /** The built-in schema file that checks it. */
  readonly schema: string;
  /** How messages name it: "blog post", "docs page". */
  readonly label: string;
  /** The frontmatter lines a new page of the kind starts with (`$title`, `$today`, `$cursor` filled in). */
  readonly newPage: readonly string[];
  /** Lines added in the site's source language only. */
  readonly newPageSourceLanguage: readonly string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const record = (v: unknown): Readonly<Record<string, unknown>> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const KINDS: readonly PageKind[] = (Array.isArray(record(kinds)['kinds']) ? (record(kinds)['kinds'] as unknown[]) : []).map((raw) => {
  const k = record(raw);
  return {
    kind: String(k['kind']),
    match: new RegExp(String(k['match'])),
    schema: String(k['schema']),
    label: typeof k['label'] === 'string' ? k['label'] : String(k['kind']),
    newPage: strings(k['newPage']),
    newPageSourceLanguage: strings(k['newPageSourceLanguage']),
  };
});

const DEFAULT_KIND: PageKind = { kind: 'default', match: /(?:)/, schema: 'default.schema.json', label: 'page', newPage: ['title: $title'], newPageSourceLanguage: [] };

/** The kind of page for a path relative to its language folder (`blog/2023/x/index.md` → blog post). */
export function pageKindOf(relPath: string): PageKind {
  return KINDS.find((k) => k.match.test(relPath)) ?? DEFAULT_KIND;
}
