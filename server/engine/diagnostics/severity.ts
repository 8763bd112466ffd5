import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CATALOG, diagnosticInfo, isDiagnosticCode, SEVERITIES, type DiagnosticFamily, type Severity } from './catalog';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The LSP number of a catalog severity. */
export function lspSeverity(severity: Severity): DiagnosticSeverity {
  return LSP_SEVERITY[severity];
}

/** What `istio.diagnostics.severity` may set a code or a family to: a severity, or `off` to drop its diagnostics. */
export type SeverityOverride = Severity | 'off';

export function isSeverityOverride(v: unknown): v is SeverityOverride {
  return v === 'off' || (SEVERITIES as readonly unknown[]).includes(v);
}

/** The user's choice for `code`: its own entry, else its family's (`syntax`, `link`, …), else none. */
function overrideFor(code: Diagnostic['code'], overrides: Readonly<Record<string, unknown>>): SeverityOverride | undefined {
  if (typeof code !== 'string') return undefined;
  // Own properties only: a code must not pick up `constructor` or the like from the prototype.
  const own = Object.hasOwn(overrides, code) ? overrides[code] : undefined;
  if (isSeverityOverride(own)) return own;
  if (!isDiagnosticCode(code)) return undefined;
  const family = diagnosticInfo(code).family;
  const inherited = Object.hasOwn(overrides, family) ? overrides[family] : undefined;
  return isSeverityOverride(inherited) ? inherited : undefined;
}

/**
 * Applies `istio.diagnostics.severity` to what the rules reported: the one place where a user's severities take
 * effect, after suppression comments, for the editor and the CLI alike (whose exit code counts the result). A code's
 * entry wins over its family's; `off` drops the diagnostic; an invalid value is ignored.
 */
export function applySeverityOverrides(diagnostics: Diagnostic[], overrides: Readonly<Record<string, unknown>>): Diagnostic[] {
  if (Object.keys(overrides).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const chosen = overrideFor(d.code, overrides);
    if (chosen === undefined) out.push(d);
    else if (chosen !== 'off') out.push({ ...d, severity: lspSeverity(chosen) });
  }
  return out;
}

/**
 * Whether the user's severities drop every code of these families: each family is `off` and none of its codes is
 * turned back on by an entry of its own. A rule that reports only these families need not run (`DiagnosticRule.families`).
 */
export function familiesOff(families: readonly DiagnosticFamily[] | undefined, overrides: Readonly<Record<string, unknown>>): boolean {
  if (!families || families.length === 0) return false;
  return families.every(
    (family) =>
      Object.hasOwn(overrides, family) &&
      overrides[family] === 'off' &&
      DIAGNOSTIC_CATALOG.every((info) => info.family !== family || !Object.hasOwn(overrides, info.code) || !isSeverityOverride(overrides[info.code]) || overrides[info.code] === 'off'),
  );
}
