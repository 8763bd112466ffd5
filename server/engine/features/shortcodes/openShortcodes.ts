import type { DocumentContext } from '../documentContext';

/**
 * The paired shortcodes still open at `before`, outermost first, matching tags the way the tree does
 * (a closing tag closes the nearest open tag of its name and everything opened after it).
 * Each name keeps where it stands in the stack, so a closing tag finds its opener at once: searching the stack for it
 * made a page of open callouts and stray closing tags quadratic (over a second per completion at 400 KB), as the
 * tree's pairing once was.
 */
export function openShortcodes(ctx: DocumentContext, before: number): string[] {
  const stack: string[] = [];
  /** For each name, its places in `stack`, lowest first. */
  const places = new Map<string, number[]>();
  for (const tag of ctx.parsed.shortcodes.tags) {
    if (tag.range.end > before) break;
    if (tag.kind === 'close') {
      const own = places.get(tag.name);
      const i = own && own.length > 0 ? own[own.length - 1]! : -1;
      if (i >= 0) {
        // Every tag opened since is closed with it: each leaves the stack once, so the whole scan stays linear.
        for (let k = stack.length - 1; k >= i; k--) places.get(stack[k]!)!.pop();
        stack.length = i;
      }
      continue;
    }
    if (tag.selfClosing || tag.unterminated) continue;
    if (ctx.catalog.get(tag.name)?.inner) {
      let own = places.get(tag.name);
      if (!own) places.set(tag.name, (own = []));
      own.push(stack.length);
      stack.push(tag.name);
    }
  }
  return stack;
}
