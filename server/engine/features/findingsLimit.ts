import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnostic';

/**
 * The most findings one document reports. A page of 330,000 broken tags is one problem, not 330,000: past this
 * many, the editor's Problems view and the CLI's output are no more useful, and sending them all costs megabytes
 * on the wire and seconds in the editor.
 */
export const MAX_FINDINGS_PER_DOCUMENT = 1000;

export const TOO_MANY_FINDINGS = 'file.too-many-findings';

/** Findings left out by the cap, by severity. */
export interface HiddenCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly hints: number;
}

export const NONE_HIDDEN: HiddenCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };

/**
 * At most `limit` of the findings, the most severe first (then in document order), and in their place for the rest
 * one information finding that says how many were left out and of which severities. The kept findings stay in the
 * order they came in; the summary comes last. `alreadyHidden` counts findings an earlier cap left out (the make-lint
 * findings a server carries across an edit keep only those their check showed): they are added to the summary's.
 */
export function limitFindings(diagnostics: readonly Diagnostic[], firstLine: Range, limit = MAX_FINDINGS_PER_DOCUMENT, alreadyHidden: HiddenCounts = NONE_HIDDEN): Diagnostic[] {
  const earlier = hiddenTotal(alreadyHidden);
  if (diagnostics.length <= limit && earlier === 0) return [...diagnostics];
  const { kept, hidden } = splitAtLimit(diagnostics, limit);
  const counts = addHidden(hidden, alreadyHidden);
  const more = diagnostics.length - kept.length + earlier;
  const parts = [
    [counts.errors, 'error'],
    [counts.warnings, 'warning'],
    [counts.infos, 'information'],
    [counts.hints, 'hint'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${count(n as number)} ${word as string}${n === 1 || word === 'information' ? '' : 's'}`);
  kept.push({
    range: firstLine,
    severity: DiagnosticSeverity.Information,
    code: TOO_MANY_FINDINGS,
    source: DIAGNOSTIC_SOURCE,
    message: `…and ${count(more)} more: only the first ${count(kept.length)} findings of this file are shown (${parts.join(', ')} not shown). Fix these, or look for the repeated text that causes them.`,
    data: { total: kept.length + more, shown: kept.length, hidden: counts },
  });
  return kept;
}

/** The findings `limitFindings` keeps (the same objects, in their order) and the counts of the others by severity. */
function splitAtLimit(diagnostics: readonly Diagnostic[], limit = MAX_FINDINGS_PER_DOCUMENT): { kept: Diagnostic[]; hidden: HiddenCounts } {
  if (diagnostics.length <= limit) return { kept: [...diagnostics], hidden: NONE_HIDDEN };
  const ranked = diagnostics.map((d, i) => ({ d, i }));
  ranked.sort((a, b) => severity(a.d) - severity(b.d) || comparePosition(a.d, b.d) || a.i - b.i);
  const kept = ranked.slice(0, limit).sort((a, b) => a.i - b.i).map((r) => r.d);
  return { kept, hidden: countBySeverity(ranked.slice(limit).map((r) => r.d)) };
}

/** Counts by severity that a loop adds to. */
export type SeverityCounts = { -readonly [K in keyof HiddenCounts]: number };

/** How many of the findings have each severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): HiddenCounts {
  const counts: SeverityCounts = { ...NONE_HIDDEN };
  for (const d of diagnostics) countOne(counts, severity(d));
  return counts;
}

/** Adds one finding of severity `s` to `counts`. */
export function countOne(counts: SeverityCounts, s: number): void {
  if (s === DiagnosticSeverity.Error) counts.errors++;
  else if (s === DiagnosticSeverity.Warning) counts.warnings++;
  else if (s === DiagnosticSeverity.Information) counts.infos++;
  else counts.hints++;
}

export function hiddenTotal(h: HiddenCounts): number {
  return h.errors + h.warnings + h.infos + h.hints;
}

export function addHidden(a: HiddenCounts, b: HiddenCounts): HiddenCounts {
  return { errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos, hints: a.hints + b.hints };
}

function severity(d: Diagnostic): number {
  return d.severity ?? DiagnosticSeverity.Error;
}

function comparePosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `a` less `b` (`b` counted within `a`): the make-lint rules' counts, from the check's and the core rules'. */
export function subtractHidden(a: HiddenCounts, b: HiddenCounts): HiddenCounts {
  return { errors: a.errors - b.errors, warnings: a.warnings - b.warnings, infos: a.infos - b.infos, hints: a.hints - b.hints };
}
