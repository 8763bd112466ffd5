import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { allowsSeverity, isDiagnosticCode, type Severity } from '../../../server/engine/diagnostics/catalog';

const BY_LSP: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/**
 * A diagnostic as the engine reports it with the default settings: a code of the catalog, at the code's severity or
 * one of its `otherSeverities`. Used wherever tests run the engine over planted faults.
 */
export function assertCataloged(d: Diagnostic, label: string): void {
  assert.ok(isDiagnosticCode(d.code), `${label}: code ${String(d.code)} is not in server/data/diagnostics.json`);
  const severity = BY_LSP[d.severity ?? 0];
  assert.ok(severity !== undefined && allowsSeverity(d.code, severity), `${label}: ${d.code} reported as ${String(severity)}, which the catalog does not allow`);
}

/** `ds`, after checking each with `assertCataloged`: for the helpers that run the engine over a test's planted faults. */
export function cataloged<T extends { readonly diagnostics: readonly Diagnostic[] }>(result: T, label: string): T {
  for (const d of result.diagnostics) assertCataloged(d, label);
  return result;
}
