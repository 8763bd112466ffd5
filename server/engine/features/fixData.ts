import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';

/**
 * Type guards for `Diagnostic.data`. The data comes back from the client with a code-action request: it has been
 * through JSON and maybe another editor's hands, so every feature reads it through these instead of a cast.
 */

export function isRecord(v: unknown): v is Readonly<Record<string, unknown>> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPosition(v: unknown): boolean {
  return isRecord(v) && typeof v['line'] === 'number' && typeof v['character'] === 'number';
}

export function isRange(v: unknown): v is Range {
  return isRecord(v) && isPosition(v['start']) && isPosition(v['end']);
}

export function isTextEdit(v: unknown): v is TextEdit {
  return isRecord(v) && isRange(v['range']) && typeof v['newText'] === 'string';
}

/** `data[key]` when `data` is an object and the value a string. */
export function stringField(data: unknown, key: string): string | undefined {
  if (!isRecord(data)) return undefined;
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

/** A fix computed when the diagnostic is made, carried in `Diagnostic.data` so the code action never re-parses. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix to apply when the user asks for "fix all" / the single obvious one. */
  readonly preferred?: boolean;
}

/** The fixes in `data.fixes`; a fix with any malformed edit is left out whole (applying part of it would be wrong). */
export function readFixes(data: unknown): QuickFix[] {
  if (!isRecord(data)) return [];
  const fixes: unknown = data['fixes'];
  if (!Array.isArray(fixes)) return [];
  const out: QuickFix[] = [];
  for (const f of fixes) {
    if (!isRecord(f) || typeof f['title'] !== 'string') continue;
    const edits: unknown = f['edits'];
    if (!Array.isArray(edits) || edits.length === 0 || !edits.every(isTextEdit)) continue;
    out.push({ title: f['title'], edits, preferred: f['preferred'] === true });
  }
  return out;
}

/** The fixes a diagnostic carries. */
export function fixesOf(d: Diagnostic): QuickFix[] {
  return readFixes(d.data);
}
