/**
 * How the service runs the registered providers: a failing one is reported (the server's log) and skipped, so one
 * bug never takes the others, the request or the server down.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticInfo, type DiagnosticCode } from './diagnostics/catalog';
import { lspSeverity } from './diagnostics/severity';
import { DIAGNOSTIC_SOURCE } from './features/diagnostic';
import type { DocumentContext } from './features/documentContext';
import { errorText } from './errorText';

/** Every provider's answers together (completion, code actions, links). */
export function allOf<P, T>(providers: readonly P[], ask: (provider: P) => T[] | undefined, report: ErrorReporter): T[] {
  const out: T[] = [];
  for (const p of providers) {
    const r = guard(() => ask(p), report);
    if (r) out.push(...r);
  }
  return out;
}

/** The first provider's answer (hover, definition): providers are listed in order of precedence in the registry. */
export function firstOf<P, T>(providers: readonly P[], ask: (provider: P) => T | undefined, report: ErrorReporter): T | undefined {
  for (const p of providers) {
    const r = guard(() => ask(p), report);
    if (r) return r;
  }
  return undefined;
}

export type ErrorReporter = (message: string) => void;

/** `f`'s answer, or `undefined` when it throws (reported). */
export function guard<T>(f: () => T, report: ErrorReporter): T | undefined {
  try {
    return f();
  } catch (e) {
    report(`[istio] feature failed: ${errorText(e)}`);
    return undefined;
  }
}

export function internalError(ctx: DocumentContext, rule: string, e: unknown): Diagnostic {
  return {
    range: ctx.range({ start: 0, end: 0 }),
    severity: lspSeverity(diagnosticInfo('internal.error').severity),
    code: 'internal.error' satisfies DiagnosticCode,
    source: DIAGNOSTIC_SOURCE,
    message: `Istio Authoring: the ${rule} check failed on this file (${e instanceof Error ? e.message : String(e)}). Please report it.`,
  };
}
