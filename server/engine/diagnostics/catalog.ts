import data from '../../data/diagnostics.json';

/**
 * The catalog of diagnostic codes (`server/data/diagnostics.json`): every code the engine reports, its family, default
 * severity, whether it fails istio.io's build, its one-line doc and its quick fix. Rules name their code with
 * `DiagnosticCode`, so a code missing from the catalog (or misspelt) does not compile; docs/diagnostics.md's tables are
 * generated from the same file.
 */

/** Every code the engine can report: the keys of the catalog's `codes`. */
export type DiagnosticCode = Extract<keyof typeof data.codes, string>;

/** A family of codes (the code's prefix, or `syntax`): a family name in `istio.diagnostics.severity` covers them all. */
export type DiagnosticFamily = Extract<keyof typeof data.families, string>;

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export interface DiagnosticInfo {
  readonly code: DiagnosticCode;
  readonly family: DiagnosticFamily;
  /** What the rule reports unless the context calls for one of `otherSeverities`. */
  readonly severity: Severity;
  /** Severities the rule reports instead in some contexts, each with when (most codes have none). */
  readonly otherSeverities: Readonly<Partial<Record<Severity, string>>>;
  /** Hugo's build of istio.io fails on it (in its error form, for a code with other severities). */
  readonly failsBuild: boolean;
  /**
   * Hugo fails while reading the page (its frontmatter, its shortcode tags), before it knows the page is a draft: the
   * build fails on a draft too. The other codes that fail the build fail while rendering, which a draft never is.
   */
  readonly failsDraft: boolean;
  readonly doc: string;
  /** The quick fix, named in one line. */
  readonly fix: string | undefined;
}

function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

const FAMILIES: ReadonlySet<string> = new Set(Object.keys(data.families));

/**
 * Reads one entry of the JSON, which TypeScript types only loosely (a severity is any string there). A malformed
 * entry is a bug of the shipped data: it throws, and the catalog's unit test loads every entry.
 */
function readEntry(code: DiagnosticCode, raw: Readonly<Record<string, unknown>>): DiagnosticInfo {
  const { family, severity, failsBuild, doc, fix } = raw;
  const failsDraft = raw['failsDraft'] ?? false;
  const others = raw['otherSeverities'] ?? {};
  const bad = (what: string): Error => new Error(`server/data/diagnostics.json: ${code}: ${what}`);
  if (typeof family !== 'string' || !FAMILIES.has(family)) throw bad(`unknown family ${String(family)}`);
  if (!isSeverity(severity)) throw bad(`invalid severity ${String(severity)}`);
  if (typeof failsBuild !== 'boolean') throw bad('failsBuild must be a boolean');
  if (typeof failsDraft !== 'boolean' || (failsDraft && !failsBuild)) throw bad('failsDraft must be a boolean, and only true where failsBuild is');
  if (typeof doc !== 'string' || doc === '') throw bad('doc must be a non-empty string');
  if (fix !== undefined && (typeof fix !== 'string' || fix === '')) throw bad('fix must be a non-empty string');
  if (typeof others !== 'object' || others === null || Array.isArray(others)) throw bad('otherSeverities must be an object');
  const otherSeverities: Partial<Record<Severity, string>> = {};
  for (const [s, when] of Object.entries(others)) {
    if (!isSeverity(s) || s === severity || typeof when !== 'string' || when === '') throw bad(`invalid otherSeverities entry ${s}`);
    otherSeverities[s] = when;
  }
  return { code, family: family as DiagnosticFamily, severity, otherSeverities, failsBuild, failsDraft, doc, fix };
}

const CODES: ReadonlyMap<string, DiagnosticInfo> = new Map(
  (Object.entries(data.codes) as Array<[DiagnosticCode, Readonly<Record<string, unknown>>]>).map(([code, raw]) => [code, readEntry(code, raw)]),
);

/** Every entry, in the catalog's order (the order of the reference tables). */
export const DIAGNOSTIC_CATALOG: readonly DiagnosticInfo[] = [...CODES.values()];

/** Every family with its one-line description. */
export const DIAGNOSTIC_FAMILIES: Readonly<Record<DiagnosticFamily, string>> = data.families;

export function isDiagnosticCode(code: unknown): code is DiagnosticCode {
  return typeof code === 'string' && CODES.has(code);
}

export function isDiagnosticFamily(name: string): name is DiagnosticFamily {
  return FAMILIES.has(name);
}

/** The catalog entry of `code`. */
export function diagnosticInfo(code: DiagnosticCode): DiagnosticInfo {
  return CODES.get(code)!;
}

/**
 * Whether a rule may report `code` at `severity`: its default or one of its other severities, or a warning where the
 * code fails only a rendered page's build and the page is a draft (`failsOnlyWhenPublished`).
 */
export function allowsSeverity(code: DiagnosticCode, severity: Severity): boolean {
  const info = diagnosticInfo(code);
  return info.severity === severity || info.otherSeverities[severity] !== undefined || (severity === 'warning' && failsOnlyWhenPublished(code));
}

/** The build fails on it while rendering the page: not on a draft, which Hugo never renders, until it is published. */
export function failsOnlyWhenPublished(code: DiagnosticCode): boolean {
  const info = diagnosticInfo(code);
  return info.failsBuild && !info.failsDraft;
}
