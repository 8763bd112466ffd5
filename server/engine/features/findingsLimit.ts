import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnostic';

/**
 * The most findings one document reports. A page of 330,000 broken tags is one problem, not 330,000: past this
 * many, the editor's Problems view and the CLI's output are no more useful, and sending them all costs megabytes
 * on the wire and seconds in the editor.
 */
export const MAX_FINDINGS_PER_DOCUMENT = 1000;

export const TOO_MANY_FINDINGS = 'file.too-many-findings';

/**
 * At most `limit` of the findings, the most severe first (then in document order), and in their place for the rest
 * one information finding that says how many were left out and of which severities. The kept findings stay in the
 * order they came in; the summary comes last.
 */
export function limitFindings(diagnostics: readonly Diagnostic[], firstLine: Range, limit = MAX_FINDINGS_PER_DOCUMENT): Diagnostic[] {
  if (diagnostics.length <= limit) return [...diagnostics];
  const ranked = diagnostics.map((d, i) => ({ d, i }));
  ranked.sort((a, b) => severity(a.d) - severity(b.d) || comparePosition(a.d, b.d) || a.i - b.i);
  const kept = ranked.slice(0, limit).sort((a, b) => a.i - b.i).map((r) => r.d);
  const hidden = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (let k = limit; k < ranked.length; k++) {
    const s = severity(ranked[k]!.d);
    if (s === DiagnosticSeverity.Error) hidden.errors++;
    else if (s === DiagnosticSeverity.Warning) hidden.warnings++;
    else if (s === DiagnosticSeverity.Information) hidden.infos++;
    else hidden.hints++;
  }
  const more = diagnostics.length - limit;
  const parts = [
    [hidden.errors, 'error'],
    [hidden.warnings, 'warning'],
    [hidden.infos, 'information'],
    [hidden.hints, 'hint'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, word]) => `${count(n as number)} ${word as string}${n === 1 || word === 'information' ? '' : 's'}`);
  kept.push({
    range: firstLine,
    severity: DiagnosticSeverity.Information,
    code: TOO_MANY_FINDINGS,
    source: DIAGNOSTIC_SOURCE,
    message: `…and ${count(more)} more: only the first ${count(limit)} findings of this file are shown (${parts.join(', ')} not shown). Fix these, or look for the repeated text that causes them.`,
    data: { total: diagnostics.length, shown: limit, hidden },
  });
  return kept;
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
