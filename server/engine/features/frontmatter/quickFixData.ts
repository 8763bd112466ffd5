import type { QuickFix } from '../fixData';

export { readFixes, type QuickFix } from '../fixData';

export interface FixData {
  readonly fixes: readonly QuickFix[];
}

export function fixData(...fixes: QuickFix[]): FixData {
  return { fixes };
}
