import type { DocumentContext } from '../documentContext';

/**
 * The paired shortcodes still open at `before`, outermost first, matching tags the way the tree does
 * (a closing tag closes the nearest open tag of its name and everything opened after it).
 */
export function openShortcodes(ctx: DocumentContext, before: number): string[] {
  const stack: string[] = [];
  for (const tag of ctx.parsed.shortcodes.tags) {
    if (tag.range.end > before) break;
    if (tag.kind === 'close') {
      const i = stack.lastIndexOf(tag.name);
      if (i >= 0) stack.length = i;
      continue;
    }
    if (tag.selfClosing || tag.unterminated) continue;
    if (ctx.catalog.get(tag.name)?.inner) stack.push(tag.name);
  }
  return stack;
}
