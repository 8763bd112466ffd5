import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticInfo, type DiagnosticCode, type Severity } from '../diagnostics/catalog';
import { lspSeverity } from '../diagnostics/severity';
import type { OffsetRange } from '../parser/offsetRange';
import type { DocumentContext } from './documentContext';
import type { DiagnosticData, Fix } from './quickFix';

export type { DiagnosticCode, Severity } from '../diagnostics/catalog';

/** Every diagnostic the engine reports carries this source. */
export const DIAGNOSTIC_SOURCE = 'istio';

export interface DiagnosticOptions {
  /**
   * The severity when the context calls for another than the catalog's default (a `tab` inside another shortcode, an
   * image with `ratio`): one of the code's `otherSeverities`, which the catalog's unit test holds the rules to.
   */
  readonly severity?: Severity;
  /** Facts about the finding for a reader of the diagnostic (`Diagnostic.data`). */
  readonly data?: Readonly<Record<string, unknown>>;
  /** Its quick fixes, computed now and kept in `data.fixes` for the one code-action provider. */
  readonly fixes?: readonly Fix[];
}

/** Builds a diagnostic with the extension's source, a code of the catalog and the catalog's severity for it. */
export function diagnostic(ctx: DocumentContext, span: OffsetRange, code: DiagnosticCode, message: string, options: DiagnosticOptions = {}): Diagnostic {
  const severity = lspSeverity(options.severity ?? diagnosticInfo(code).severity);
  ctx.tally?.built(code, severity, span.start);
  const d: Diagnostic = { range: ctx.range(span), severity, code, source: DIAGNOSTIC_SOURCE, message };
  const fixes = options.fixes?.length ? options.fixes : undefined;
  const data: DiagnosticData | undefined = fixes ? { ...options.data, fixes } : options.data;
  if (data !== undefined) d.data = data;
  return d;
}
