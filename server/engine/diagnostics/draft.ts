import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { failsOnlyWhenPublished, isDiagnosticCode } from './catalog';

/**
 * Hugo renders no draft page (`draft: true`), so what fails the build while rendering a page (a shortcode's `errorf`, the
 * base template's checks) does not fail it yet: on a draft, such an error is a warning that says it fails once the page
 * is published. What Hugo rejects while reading the page (broken YAML, unclosed or unknown shortcodes: the catalog's
 * `failsDraft`) fails the build on a draft too and stays an error. The one place drafts change a severity.
 */
export function applyDraft(diagnostics: Diagnostic[], draft: boolean): Diagnostic[] {
  if (!draft) return diagnostics;
  return diagnostics.map((d) =>
    lowersOnDraft(d.code, d.severity)
      ? { ...d, severity: DiagnosticSeverity.Warning, message: `Fails the build when the page is published (a draft is not rendered): ${d.message}` }
      : d,
  );
}

/** The severity a finding of `code` shows with on a draft (the finding tally counts those it does not build so). */
export function draftSeverity(code: Diagnostic['code'], severity: DiagnosticSeverity): DiagnosticSeverity {
  return lowersOnDraft(code, severity) ? DiagnosticSeverity.Warning : severity;
}

/** An error that fails the build only once its page is published: a warning on a draft. */
function lowersOnDraft(code: Diagnostic['code'], severity: DiagnosticSeverity | undefined): boolean {
  return severity === DiagnosticSeverity.Error && isDiagnosticCode(code) && failsOnlyWhenPublished(code);
}
