import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { OffsetRange } from '../parser/offsetRange';
import type { DocumentContext } from './documentContext';

/** Every diagnostic the engine reports carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Builds a diagnostic with the extension's source, a stable code and optional quick-fix data. */
export function diagnostic(
  ctx: DocumentContext,
  span: OffsetRange,
  code: string,
  severity: Severity,
  message: string,
  data?: unknown,
): Diagnostic {
  const d: Diagnostic = { range: ctx.range(span), severity: SEVERITY[severity], code, source: DIAGNOSTIC_SOURCE, message };
  if (data !== undefined) d.data = data;
  return d;
}
