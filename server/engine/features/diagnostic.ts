import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticInfo, type DiagnosticCode, type Severity } from '../diagnostics/catalog';
import { lspSeverity } from '../diagnostics/severity';
import type { OffsetRange } from '../parser/offsetRange';
import type { DocumentContext } from './documentContext';

export type { DiagnosticCode, Severity } from '../diagnostics/catalog';

/** Every diagnostic the engine reports carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';

export interface DiagnosticOptions {
  /**
   * The severity when the context calls for another than the catalog's default (a `tab` inside another shortcode, an
   * image with `ratio`): one of the code's `otherSeverities`, which the catalog's unit test holds the rules to.
   */
  readonly severity?: Severity;
  /** What the quick fix or a reader of the diagnostic needs, computed now so that nothing re-parses later. */
  readonly data?: unknown;
}

/** Builds a diagnostic with the extension's source, a code of the catalog and the catalog's severity for it. */
export function diagnostic(ctx: DocumentContext, span: OffsetRange, code: DiagnosticCode, message: string, options: DiagnosticOptions = {}): Diagnostic {
  const severity = lspSeverity(options.severity ?? diagnosticInfo(code).severity);
  const d: Diagnostic = { range: ctx.range(span), severity, code, source: DIAGNOSTIC_SOURCE, message };
  if (options.data !== undefined) d.data = options.data;
  return d;
}
