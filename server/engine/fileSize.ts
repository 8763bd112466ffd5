import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticInfo, type DiagnosticCode } from './diagnostics/catalog';
import { lspSeverity } from './diagnostics/severity';
import { DIAGNOSTIC_SOURCE } from './features/diagnostic';
import type { IstioSettings } from './settings';

/** Files over `istio.maxFileSize` (generated dumps, minified data) are skipped so they cannot stall the server. */
export function tooLarge(document: TextDocument, settings: IstioSettings): boolean {
  return document.getText().length > settings.maxFileSize;
}

export function tooLargeDiagnostic(document: TextDocument, settings: IstioSettings): Diagnostic {
  const text = document.getText();
  const nl = text.indexOf('\n');
  const kb = (n: number): string => `${Math.round(n / 1000).toLocaleString('en-US')} KB`;
  return {
    range: { start: { line: 0, character: 0 }, end: document.positionAt(nl < 0 ? Math.min(text.length, 200) : Math.min(nl, 200)) },
    severity: lspSeverity(diagnosticInfo('file.too-large').severity),
    code: 'file.too-large' satisfies DiagnosticCode,
    source: DIAGNOSTIC_SOURCE,
    message: `This file is ${kb(text.length)}, over the ${kb(settings.maxFileSize)} limit of \`istio.maxFileSize\`: it is not checked.`,
    data: { size: text.length, limit: settings.maxFileSize },
  };
}
