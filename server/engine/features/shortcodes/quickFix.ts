import type { Range } from 'vscode-languageserver-types';
import type { QuickFix } from '../fixData';

export { fixesOf, type QuickFix } from '../fixData';

export interface FixData {
  readonly fixes: readonly QuickFix[];
  readonly [key: string]: unknown;
}

export function replaceFix(title: string, range: Range, newText: string, preferred = false): QuickFix {
  return { title, edits: [{ range, newText }], preferred };
}
