import { DIAGNOSTIC_CATALOG, DIAGNOSTIC_FAMILIES, diagnosticInfo, isDiagnosticCode, type DiagnosticFamily } from '../../engine';
import type { CheckResult } from './check';

/**
 * `--only` and `--skip`: a selector is a code (`image.not-found`), a family of the catalog (`link`, `syntax`) or a
 * code prefix (`frontmatter` also covers the frontmatter parse errors, whose family is `syntax`).
 */
function matches(code: string, selectors: readonly string[]): boolean {
  const family = isDiagnosticCode(code) ? diagnosticInfo(code).family : undefined;
  return selectors.some((s) => s === code || s === family || code.startsWith(`${s}.`));
}

/** Selectors that name no code, family or code prefix: a typo would otherwise silently select nothing. */
export function unknownSelectors(selectors: readonly string[]): string[] {
  const families = new Set(Object.keys(DIAGNOSTIC_FAMILIES));
  const codes = DIAGNOSTIC_CATALOG.map((i) => i.code as string);
  return selectors.filter((s) => !families.has(s) && !codes.some((c) => c === s || c.startsWith(`${s}.`)));
}

function keeps(code: string, only: readonly string[], skip: readonly string[]): boolean {
  return (only.length === 0 || matches(code, only)) && !matches(code, skip);
}

/**
 * The families none of whose codes the selectors keep: the check turns them off, so that their rules are not even run
 * (`--skip spelling,style` saves most of a check's time).
 */
export function droppedFamilies(only: readonly string[], skip: readonly string[]): DiagnosticFamily[] {
  if (only.length === 0 && skip.length === 0) return [];
  const families = Object.keys(DIAGNOSTIC_FAMILIES) as DiagnosticFamily[];
  return families.filter((family) => DIAGNOSTIC_CATALOG.every((info) => info.family !== family || !keeps(info.code, only, skip)));
}

/** The findings the selectors keep; files left without findings drop out, as in an unfiltered run. */
export function selection(result: CheckResult, only: readonly string[], skip: readonly string[]): CheckResult {
  if (only.length === 0 && skip.length === 0) return result;
  const files = result.files
    .map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => keeps(String(d.code ?? ''), only, skip)) }))
    .filter((f) => f.diagnostics.length > 0);
  return { ...result, files };
}
