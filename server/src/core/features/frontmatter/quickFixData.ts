import type { Range } from 'vscode-languageserver-types';
import { isObject } from './schemaModel';

/** A ready-made fix carried in `Diagnostic.data`, so the code-action request never re-parses the document. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly { readonly range: Range; readonly newText: string }[];
  /** The fix to apply when the user asks for "fix all" / the single obvious one. */
  readonly preferred?: boolean;
}

export interface FixData {
  readonly fixes: readonly QuickFix[];
}

export function fixData(...fixes: QuickFix[]): FixData {
  return { fixes };
}

/** Reads the fixes back from a diagnostic the client returned (it may have been through JSON and another editor). */
export function readFixes(data: unknown): QuickFix[] {
  if (!isObject(data) || !Array.isArray(data['fixes'])) return [];
  const out: QuickFix[] = [];
  for (const f of data['fixes'] as unknown[]) {
    if (!isObject(f) || typeof f['title'] !== 'string' || !Array.isArray(f['edits'])) continue;
    const edits = (f['edits'] as unknown[]).filter(isEdit);
    if (edits.length === 0) continue;
    out.push({ title: f['title'], edits, preferred: f['preferred'] === true });
  }
  return out;
}

function isEdit(e: unknown): e is { range: Range; newText: string } {
  return isObject(e) && typeof e['newText'] === 'string' && isRange(e['range']);
}

function isRange(r: unknown): r is Range {
  return isObject(r) && isPosition(r['start']) && isPosition(r['end']);
}

function isPosition(p: unknown): boolean {
  return isObject(p) && typeof p['line'] === 'number' && typeof p['character'] === 'number';
}
