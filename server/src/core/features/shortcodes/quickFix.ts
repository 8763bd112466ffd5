import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';

/** A fix computed when the diagnostic is made, carried in `Diagnostic.data` so the code action never re-parses. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred?: boolean;
}

export interface FixData {
  readonly fixes: readonly QuickFix[];
  readonly [key: string]: unknown;
}

export function replaceFix(title: string, range: Range, newText: string, preferred = false): QuickFix {
  return { title, edits: [{ range, newText }], preferred };
}

function isRange(v: unknown): v is Range {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } };
  return typeof r.start?.line === 'number' && typeof r.start.character === 'number' && typeof r.end?.line === 'number' && typeof r.end.character === 'number';
}

function isEdit(v: unknown): v is TextEdit {
  return typeof v === 'object' && v !== null && isRange((v as { range?: unknown }).range) && typeof (v as { newText?: unknown }).newText === 'string';
}

/** The fixes a diagnostic carries (validated: `data` comes back from the client). */
export function fixesOf(d: Diagnostic): QuickFix[] {
  const data = d.data as { fixes?: unknown } | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  const out: QuickFix[] = [];
  for (const f of data.fixes as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const { title, edits, preferred } = f as { title?: unknown; edits?: unknown; preferred?: unknown };
    if (typeof title !== 'string' || !Array.isArray(edits) || !edits.every(isEdit)) continue;
    out.push({ title, edits, preferred: preferred === true });
  }
  return out;
}
